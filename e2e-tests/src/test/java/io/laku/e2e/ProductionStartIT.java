package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import io.restassured.RestAssured;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A service started as production would start it ({@code java -jar quarkus-run.jar}, no local profile): it refuses
 * development secrets and names their variables; given its own settings it starts without Swagger UI, serves its
 * OpenAPI document to admins only and accepts only tokens of its issuer for its audience.
 */
class ProductionStartIT {

    /** Everything production must set, with values that are not the development ones. */
    private static Map<String, String> ownSettings() {
        Map<String, String> env = new HashMap<>();
        env.put("LAKU_ENV", "production");
        env.put("LAKU_DB_APP_PASSWORD", "app-" + UUID.randomUUID());
        env.put("LAKU_DB_OWNER_PASSWORD", "owner-" + UUID.randomUUID());
        env.put("LAKU_JWT_ISSUER", "https://id.prodcheck.example");
        env.put("LAKU_JWT_AUDIENCE", "laku-prodcheck");
        env.put("LAKU_JWT_PUBLIC_KEY", Platform.publicKey().toAbsolutePath().toString());
        env.put("XENDIT_API_KEY", "xnd_production_" + UUID.randomUUID());
        env.put("XENDIT_CALLBACK_TOKEN", UUID.randomUUID().toString());
        env.put("WHATSAPP_ACCESS_TOKEN", UUID.randomUUID().toString());
        return env;
    }

    @Test
    void aPlainJarStartIsProductionAndRefusesEveryDevelopmentSettingByName() throws Exception {
        Started payment = start("payment", Map.of());

        assertThat(payment.awaitExit()).isNotZero();
        assertThat(payment.output()).contains("Refusing to start in production")
                .contains("XENDIT_API_KEY is not set", "XENDIT_CALLBACK_TOKEN is not set",
                        "LAKU_DB_APP_PASSWORD is not set", "LAKU_DB_OWNER_PASSWORD is not set",
                        "LAKU_JWT_ISSUER is not set", "LAKU_JWT_AUDIENCE is not set", "LAKU_JWT_PUBLIC_KEY is not set");
    }

    @Test
    void aProductionStartWithTheDevelopmentCallbackTokenFailsNamingIt() throws Exception {
        Map<String, String> env = ownSettings();
        env.put("XENDIT_CALLBACK_TOKEN", "laku-local-callback-token");
        Started payment = start("payment", env);

        assertThat(payment.awaitExit()).isNotZero();
        assertThat(payment.output())
                .contains("Refusing to start in production: XENDIT_CALLBACK_TOKEN has its development value")
                .doesNotContain("XENDIT_API_KEY has", "LAKU_DB_APP_PASSWORD has", "LAKU_JWT_ISSUER has")
                // refused before the schema was migrated
                .doesNotContain("Flyway");
    }

    @Test
    void withItsOwnSettingsProductionHasNoSwaggerUiAndItsOpenApiIsForAdmins() throws Exception {
        String password = "app-" + UUID.randomUUID();
        String ownerPassword = "owner-" + UUID.randomUUID();
        Scratch db = Scratch.create("laku_prodcheck", ownerPassword, password);
        Started notifications = null;
        try {
            Map<String, String> env = ownSettings();
            env.put("LAKU_DB_NAME", db.name());
            env.put("LAKU_DB_APP_PASSWORD", password);
            env.put("LAKU_DB_OWNER_PASSWORD", ownerPassword);
            env.put("LAKU_PG_HOST", Platform.env("LAKU_PG_HOST", "127.0.0.1"));
            env.put("LAKU_PG_PORT", Platform.env("LAKU_PG_PORT", "15432"));
            env.put("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:" + freePort()); // never the stack's consumer groups
            int port = freePort();
            env.put("QUARKUS_HTTP_PORT", String.valueOf(port));
            notifications = start("notifications", env);
            String base = "http://127.0.0.1:" + port;
            Started running = notifications;
            await("notifications starts in production").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        assertThat(running.process().isAlive()).as(running.output()).isTrue();
                        return running.output().contains("Listening on");
                    });
            assertThat(notifications.output()).contains("Production start");

            RestAssured.given().get(base + "/q/swagger-ui/").then().statusCode(404);
            RestAssured.given().get(base + "/q/openapi").then().statusCode(401);
            String issuer = "https://id.prodcheck.example";
            RestAssured.given().auth().oauth2(Platform.token(UUID.randomUUID(), "customer", issuer, "laku-prodcheck"))
                    .get(base + "/q/openapi").then().statusCode(403);
            RestAssured.given().auth().oauth2(Platform.token(UUID.randomUUID(), "admin", issuer, "laku-prodcheck"))
                    .get(base + "/q/openapi").then().statusCode(200).body(containsString("Laku notifications API"));
            // only its own issuer and audience: the local stack's tokens, or another audience, are refused
            RestAssured.given().auth().oauth2(Platform.token(UUID.randomUUID(), "customer"))
                    .get(base + "/api/notifications").then().statusCode(401);
            RestAssured.given().auth().oauth2(Platform.token(UUID.randomUUID(), "customer", issuer, "another-api"))
                    .get(base + "/api/notifications").then().statusCode(401);
            RestAssured.given().auth().oauth2(Platform.token(UUID.randomUUID(), "customer", issuer, "laku-prodcheck"))
                    .get(base + "/api/notifications").then().statusCode(200);
            // it runs as its application role; the owner only migrated
            assertThat(await("connections to " + db.name()).atMost(Duration.ofSeconds(30))
                    .until(db::connectedRoles, roles -> !roles.isEmpty())).containsExactly(db.name() + "_app");
        } finally {
            if (notifications != null) {
                notifications.stop();
            }
            db.drop();
        }
    }

    /** A service process started from its jar with exactly the given environment (nothing of ./laku's). */
    private record Started(Process process, Path log) {
        int awaitExit() throws InterruptedException {
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("still running after 120 s:\n" + output());
            }
            return process.exitValue();
        }

        String output() {
            try {
                return Files.readString(log);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    private static Started start(String service, Map<String, String> environment) throws IOException {
        Path log = Files.createTempFile("laku-" + service + "-production", ".log");
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-jar", Stack.jar(service).toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile())
                .directory(Files.createTempDirectory("laku-" + service).toFile());
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().putAll(environment);
        return new Started(builder.start(), log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** A database of its own with an owner and an application role, as the deployment makes them. */
    private record Scratch(String name) {
        static Scratch create(String name, String ownerPassword, String appPassword) throws SQLException {
            Scratch scratch = new Scratch(name + "_" + Long.toHexString(System.nanoTime()));
            scratch.drop();
            try (Connection db = admin("postgres"); Statement sql = db.createStatement()) {
                sql.execute("create role " + scratch.name() + "_owner login password '" + ownerPassword + "'");
                sql.execute("create role " + scratch.name() + "_app login password '" + appPassword + "'");
                sql.execute("create database " + scratch.name() + " owner " + scratch.name() + "_owner");
                sql.execute("revoke all on database " + scratch.name() + " from public");
                sql.execute("grant connect on database " + scratch.name() + " to " + scratch.name() + "_app");
            }
            return scratch;
        }

        List<String> connectedRoles() throws SQLException {
            List<String> roles = new ArrayList<>();
            try (Connection db = admin("postgres"); Statement sql = db.createStatement();
                    ResultSet rows = sql.executeQuery("select distinct usename from pg_stat_activity where datname = '"
                            + name + "'")) {
                while (rows.next()) {
                    roles.add(rows.getString(1));
                }
            }
            return roles;
        }

        void drop() throws SQLException {
            try (Connection db = admin("postgres"); Statement sql = db.createStatement()) {
                sql.execute("drop database if exists " + name + " with (force)");
                sql.execute("drop role if exists " + name + "_owner");
                sql.execute("drop role if exists " + name + "_app");
            }
        }

        private static Connection admin(String database) throws SQLException {
            return java.sql.DriverManager.getConnection("jdbc:postgresql://" + Platform.env("LAKU_PG_HOST", "127.0.0.1")
                    + ":" + Platform.env("LAKU_PG_PORT", "15432") + "/" + database,
                    Platform.env("LAKU_PG_USER", "laku"), Platform.env("LAKU_PG_PASSWORD", "laku"));
        }
    }
}
