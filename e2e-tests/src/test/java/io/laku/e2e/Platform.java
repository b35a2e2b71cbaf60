package io.laku.e2e;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.security.KeyFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PrivateKey;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;
import java.util.UUID;

/**
 * Where the running platform is (the same LAKU_* variables ./laku uses, with its defaults) and how
 * to talk to it as a given user.
 */
final class Platform {

    static final String GROUP_BUYING = url("GROUP_BUYING", 3004);
    static final String NOTIFICATIONS = url("NOTIFICATIONS", 3007);
    static final String PAYMENT = url("PAYMENT", 3006);
    static final String WALLET = url("WALLET", 3010);
    static final String WAREHOUSE = url("WAREHOUSE", 3011);
    static final String ORDER = url("ORDER", 3005);
    static final String SELLER = url("SELLER", 3013);
    static final String SETTLEMENT = url("SETTLEMENT", 3014);
    static final String GATEWAY = url("GATEWAY", 3020);
    static final String CALLBACK_TOKEN = env("XENDIT_CALLBACK_TOKEN", "laku-local-callback-token");
    static final String KAFKA = env("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + env("LAKU_KAFKA_PORT", "19092"));
    static final String REGISTRY = env("LAKU_REGISTRY_URL", "http://127.0.0.1:" + env("LAKU_REGISTRY_PORT", "18081") + "/apis/registry/v3");
    static final String ISSUER = env("LAKU_JWT_ISSUER", "https://laku.local");
    static final String AUDIENCE = env("LAKU_JWT_AUDIENCE", "laku-local");

    private static PrivateKey signingKey;

    /**
     * The n-th instance of a service (./laku start payment-2): LAKU_<SERVICE>_<N>_URL, or the first instance's port
     * + 100 x (n - 1), as ./laku gives it.
     */
    static String instance(String service, String firstUrl, int n) {
        java.net.URI first = java.net.URI.create(firstUrl);
        return env("LAKU_" + service + "_" + n + "_URL", first.getScheme() + "://" + first.getHost() + ":"
                + (first.getPort() + 100 * (n - 1)));
    }

    private Platform() {
    }

    static RequestSpecification as(UUID user, String role) {
        return RestAssured.given().auth().oauth2(token(user, role)).contentType("application/json");
    }

    static RequestSpecification anonymous() {
        return RestAssured.given().contentType("application/json");
    }

    static String token(UUID user, String role) {
        return token(user, role, ISSUER, AUDIENCE);
    }

    /** A token of another issuer or for another audience (signed with the same development key). */
    static String token(UUID user, String role, String issuer, String audience) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setAudience(audience);
        claims.setSubject(user.toString());
        claims.setClaim("upn", user.toString());
        claims.setStringListClaim("groups", List.of(role));
        claims.setIssuedAtToNow();
        claims.setExpirationTimeMinutesInTheFuture(60);
        claims.setGeneratedJwtId();
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setKey(signingKey());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setHeader("typ", "JWT");
        try {
            return jws.getCompactSerialization();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static Connection database(String service) throws SQLException {
        Properties credentials = new Properties();
        credentials.setProperty("user", env("LAKU_PG_USER", "laku"));
        credentials.setProperty("password", env("LAKU_PG_PASSWORD", "laku"));
        String url = "jdbc:postgresql://" + env("LAKU_PG_HOST", "127.0.0.1") + ":" + env("LAKU_PG_PORT", "15432")
                + "/laku_" + service;
        return DriverManager.getConnection(url, credentials);
    }

    private static synchronized PrivateKey signingKey() {
        if (signingKey == null) {
            Path pem = Path.of(env("LAKU_JWT_PRIVATE_KEY", laku().resolve("jwt/privateKey.pem").toString()));
            try {
                String base64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
                signingKey = KeyFactory.getInstance("RSA")
                        .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            } catch (Exception e) {
                throw new IllegalStateException("No development signing key at " + pem + " (run ./laku up first)", e);
            }
        }
        return signingKey;
    }

    /** The development key pair's public half, which the running stack verifies tokens with. */
    static Path publicKey() {
        return laku().resolve("jwt/publicKey.pem");
    }

    private static Path laku() {
        String home = System.getenv("LAKU_HOME");
        if (home != null) {
            return Path.of(home);
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve(".laku"))) {
            dir = dir.getParent();
        }
        return dir == null ? Path.of(".laku") : dir.resolve(".laku");
    }

    private static String url(String service, int port) {
        return env("LAKU_" + service + "_URL", "http://127.0.0.1:" + env("LAKU_" + service + "_PORT", String.valueOf(port)));
    }

    static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
