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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every bad join, leave and grosir config answers a 4xx problem+json naming the field, and writes nothing. */
class JoinRulesIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";
    private static Products.Product hoodie;
    private static UUID session;

    private long participantsBefore;
    private Timestamp testStart;
    private long variantsBefore;

    @BeforeAll
    static void hoodieSession() {
        hoodie = Products.premiumHoodie(UUID.randomUUID());
        session = Products.openSession(hoodie);
    }

    @BeforeEach
    void countRows() throws Exception {
        participantsBefore = count("participant");
        testStart = Outbox.now("group_buying");
        variantsBefore = count("product_variant");
    }

    @AfterEach
    void nothingWasWritten() throws Exception {
        assertThat(count("participant")).isEqualTo(participantsBefore);
        assertThat(Outbox.writtenSince("group_buying", testStart)).isZero();
        assertThat(count("product_variant")).isEqualTo(variantsBefore);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "quantity zero           | 400 | quantity   | quantity=0",
            "quantity negative       | 400 | quantity   | quantity=-3",
            "quantity missing        | 400 | quantity   | quantity=",
            "variantId missing       | 400 | variantId  | variantId=",
            "variantId not a uuid    | 400 | variantId  | variantId=M",
            "variantId of no product | 400 | variantId  | variantId=" + "00000000-0000-0000-0000-000000000001",
            "stale unit price        | 409 | unitPrice  | unitPrice=150000",
            "wrong total             | 409 | totalPrice | totalPrice=999",
            "unitPrice missing       | 400 | unitPrice  | unitPrice=",
    })
    void aBadJoinIsRefusedNamingTheField(String caseName, int status, String field, String change) {
        Map<String, Object> body = new HashMap<>(Products.join(hoodie.variant("M"), 2));
        String[] kv = change.split("=", 2);
        if (kv[1].isEmpty()) {
            body.remove(kv[0]);
        } else {
            body.put(kv[0], kv[1].matches("-?\\d+") ? Long.parseLong(kv[1]) : kv[1]);
        }
        as(UUID.randomUUID(), "customer").body(body).post(API + session + "/join")
                .then().statusCode(status)
                .contentType("application/problem+json")
                .body("type", startsWith("https://laku.io/problems/"))
                .body("field", equalTo(field));
    }

    @Test
    void joiningAnUnknownSessionIs404() {
        as(UUID.randomUUID(), "customer").body(Products.join(hoodie.variant("M"), 1))
                .post(API + UUID.randomUUID() + "/join").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void onlyCustomersJoinAndATokenIsRequired() {
        as(UUID.randomUUID(), "factory").body(Products.join(hoodie.variant("M"), 1)).post(API + session + "/join")
                .then().statusCode(403);
        Platform.anonymous().body(Products.join(hoodie.variant("M"), 1)).post(API + session + "/join")
                .then().statusCode(401);
    }

    @Test
    void aMisconfiguredProductAnswers409NamingTheVariant() {
        // bundle config without tolerance: misconfigured
        Products.Product half = Products.configure(UUID.randomUUID(), Map.of("S", 2, "M", 5), Map.of(), List.of("S", "M"));
        UUID halfSession = Products.openSession(half);
        as(UUID.randomUUID(), "customer").get(API + halfSession + "/variant-availability/" + half.variant("M"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("variantName", equalTo("S")).body("type", equalTo("https://laku.io/problems/grosir-misconfigured"));
        as(UUID.randomUUID(), "customer").body(Products.join(half.variant("M"), 1)).post(API + halfSession + "/join")
                .then().statusCode(409).body("variantName", equalTo("S"));
        try {
            participantsBefore = count("participant");
            testStart = Outbox.now("group_buying");
            variantsBefore = count("product_variant");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "bundle zero              | bundles.S | {\"name\":\"P\",\"factoryId\":\"%s\",\"bundles\":{\"S\":0}}",
            "bundle not a number      | bundles.S | {\"name\":\"P\",\"factoryId\":\"%s\",\"bundles\":{\"S\":\"two\"}}",
            "no name                  | name      | {\"factoryId\":\"%s\",\"bundles\":{\"S\":1}}",
            "no variants              | bundles   | {\"name\":\"P\",\"factoryId\":\"%s\"}",
    })
    void aBadProductIs400NamingTheField(String caseName, String field, String body) {
        UUID factory = UUID.randomUUID();
        as(factory, "factory").body(body.formatted(factory)).post(Platform.GROUP_BUYING + "/api/products")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "negative tolerance  | M   | {\"M\":-1}",
            "unknown variant     | XXL | {\"XXL\":5}",
            "not a number        | S   | {\"S\":\"lots\"}",
    })
    void aBadToleranceIs400NamingTheVariant(String caseName, String field, String body) {
        as(UUID.randomUUID(), "admin").body(body).post(Platform.GROUP_BUYING + "/api/products/" + hoodie.id()
                        + "/warehouse-tolerance")
                .then().statusCode(400).contentType("application/problem+json").body("field", equalTo(field))
                .body("detail", org.hamcrest.Matchers.containsString(field));
    }

    @Test
    void aFactoryConfiguresOnlyItsOwnProducts() {
        UUID other = UUID.randomUUID();
        as(UUID.randomUUID(), "factory").body(Map.of("name", "P", "factoryId", other.toString(), "bundles", Map.of("S", 1)))
                .post(Platform.GROUP_BUYING + "/api/products").then().statusCode(403);
        as(UUID.randomUUID(), "factory").body(Map.of("S", 3))
                .put(Platform.GROUP_BUYING + "/api/products/" + hoodie.id() + "/warehouse-tolerance").then().statusCode(403);
        as(UUID.randomUUID(), "customer").body(Map.of("name", "P", "bundles", Map.of("S", 1)))
                .post(Platform.GROUP_BUYING + "/api/products").then().statusCode(403);
        // and opens sessions only for them
        as(UUID.randomUUID(), "factory").body(Sessions.premiumHoodieSession(hoodie.id()))
                .post(API.substring(0, API.length() - 1)).then().statusCode(403);
    }

    @Test
    void aCustomerLeavesOnlyTheirOwnSeat() throws Exception {
        UUID owner = UUID.randomUUID();
        UUID seat = Products.joinAs(owner, session, hoodie.variant("S"), 2);
        participantsBefore = count("participant");
        testStart = Outbox.now("group_buying");
        as(UUID.randomUUID(), "customer").post(API + session + "/participants/" + seat + "/leave").then().statusCode(403);
        as(owner, "customer").post(API + session + "/participants/" + UUID.randomUUID() + "/leave").then().statusCode(404);
    }

    private static long count(String table) throws Exception {
        try (Connection db = Platform.database("group_buying"); Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
