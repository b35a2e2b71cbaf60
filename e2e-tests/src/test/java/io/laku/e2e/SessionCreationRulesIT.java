package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Who may open a session and what a session must look like; a refusal writes nothing. */
class SessionCreationRulesIT {

    private long sessionsBefore;
    private Timestamp testStart;

    @BeforeEach
    void countRows() throws Exception {
        sessionsBefore = count("group_buying_session");
        testStart = Outbox.now("group_buying");
    }

    @AfterEach
    void nothingWasWritten() throws Exception {
        assertThat(count("group_buying_session")).isEqualTo(sessionsBefore);
        assertThat(Outbox.writtenSince("group_buying", testStart)).isZero();
    }

    @Test
    void withoutATokenIs401() {
        Platform.anonymous().body(Sessions.premiumHoodieSession(UUID.randomUUID()))
                .post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(401);
    }

    @Test
    void aTokenFromAnotherIssuerIs401() {
        Platform.anonymous().auth().oauth2("eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ4In0.c2lnbmF0dXJl")
                .body(Sessions.premiumHoodieSession(UUID.randomUUID()))
                .post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(401);
    }

    @Test
    void aCustomerIs403() {
        as(UUID.randomUUID(), "customer").body(Sessions.premiumHoodieSession(UUID.randomUUID()))
                .post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(403)
                .contentType("application/problem+json");
    }

    @Test
    void aFactoryCannotOpenASessionForAnotherFactory() {
        Map<String, Object> body = Sessions.premiumHoodieSession(UUID.randomUUID());
        body.put("factoryId", UUID.randomUUID().toString());
        as(UUID.randomUUID(), "factory").body(body).post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(403);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "targetMoq below 2          | targetMoq    | targetMoq=1",
            "groupPrice zero            | groupPrice   | groupPrice=0",
            "tier 25 above group price  | priceTier25  | priceTier25=250000",
            "tier 75 above tier 50      | priceTier75  | priceTier75=140000",
            "negative tier 100          | priceTier100 | priceTier100=-5",
            "endTime in the past        | endTime      | endTime=2020-01-01T00:00:00Z",
            "endTime not a time         | endTime      | endTime=tomorrow",
            "missing productId          | productId    | productId=",
            "productId not a uuid       | productId    | productId=hoodie",
            "sessionCode too long       | sessionCode  | sessionCode=HOODIE-SESSION-WITH-A-CODE-FAR-LONGER-THAN-ANYONE-COULD-TYPE-1234567890",
    })
    void anInvalidBodyIs400NamingTheField(String caseName, String field, String change) {
        Map<String, Object> body = new HashMap<>(Sessions.premiumHoodieSession(UUID.randomUUID()));
        String[] kv = change.split("=", 2);
        if (kv[1].isEmpty()) {
            body.remove(kv[0]);
        } else {
            body.put(kv[0], kv[1].matches("-?\\d+") ? Long.parseLong(kv[1]) : kv[1]);
        }
        as(UUID.randomUUID(), "factory").body(body).post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(400)
                .contentType("application/problem+json")
                .body("type", startsWith("https://laku.io/problems/"))
                .body("field", equalTo(field));
    }

    @Test
    void malformedJsonIs400ProblemJson() {
        as(UUID.randomUUID(), "factory").body("{\"targetMoq\": ").post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anUnknownProductIs404NamingProductId() {
        as(UUID.randomUUID(), "admin").body(Sessions.premiumHoodieSession(UUID.randomUUID()))
                .post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(404).contentType("application/problem+json").body("field", equalTo("productId"));
    }

    private static long count(String table) throws Exception {
        try (Connection db = Platform.database("group_buying"); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
