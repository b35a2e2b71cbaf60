package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.response.Response;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The bad inputs issue 14 found answering 5xx or 404, each now a 4xx problem+json that names the field: malformed
 * ids in paths and queries of every service, NUL characters, overlong text, an amount that overflows, and two creates
 * racing for the same session code. FuzzIT covers the same ground at random; these are the named cases.
 */
class BadInputIT {

    private static final String UUID_LIKE = "1-1-1-1-1";

    @ParameterizedTest(name = "{0} {1}")
    @CsvSource(delimiter = '|', value = {
            "GROUP_BUYING  | /api/group-buying/not-a-uuid                                           | id",
            "GROUP_BUYING  | /api/group-buying/1-1-1-1-1/variant-availability                      | sessionId",
            "GROUP_BUYING  | /api/group-buying/00000000-0000-0000-0000-000000000001/participants/x | participantId",
            "GROUP_BUYING  | /api/products/xyz                                                      | id",
            "GROUP_BUYING  | /api/group-buying?productId=xyz                                        | productId",
            "GROUP_BUYING  | /api/group-buying?page=two                                             | page",
            "PAYMENT       | /api/payments?sessionId=1-1-1-1-1                                      | sessionId",
            "PAYMENT       | /api/payments/ledger?sessionId=xyz                                     | sessionId",
            "WALLET        | /api/wallet/not-a-uuid                                                 | userId",
            "WALLET        | /api/wallet/not-a-uuid/transactions                                    | userId",
            "WAREHOUSE     | /api/warehouse/purchase-orders/xyz                                     | id",
            "WAREHOUSE     | /api/warehouse/inventory/1-1-1-1-1                                     | variantId",
            "ORDER         | /api/orders/xyz                                                        | id",
            "ORDER         | /api/orders?sessionId=xyz                                              | sessionId",
            "NOTIFICATIONS | /api/notifications/whatsapp/messages/xyz                               | id",
            "NOTIFICATIONS | /api/notifications/whatsapp-contacts/xyz                               | userId",
            "NOTIFICATIONS | /api/notifications?size=lots                                           | size",
    })
    void aMalformedIdOrNumberIs400NamingTheParameterInEveryService(String service, String path, String field) {
        problem(as(UUID.randomUUID(), "admin").get(base(service) + path), 400, field);
    }

    @Test
    void aNulCharacterIs400AndChangesNothing() {
        UUID user = UUID.randomUUID();
        Timestamp since = Outbox.now("wallet");
        problem(as(Money.ADMIN, "admin").body("{\"amount\":1,\"reference\":\"a\\u0000b\"}")
                .post(Platform.WALLET + "/api/wallet/" + user + "/debit"), 400, null);
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        problem(as(UUID.randomUUID(), "admin").body("{\"reason\":\"stop\\u0000\"}")
                .post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/cancel"), 400, null);
        problem(as(UUID.randomUUID(), "admin").body(Map.of("delta", 1, "reason", "a\u0000"))
                .post(Platform.WAREHOUSE + "/api/warehouse/inventory/" + hoodie.variant("M") + "/adjustments"), 400, null);
        problem(as(UUID.randomUUID(), "admin").queryParam("status", "open\u0000")
                .get(Platform.WAREHOUSE + "/api/warehouse/purchase-orders"), 400, "status");
        as(UUID.randomUUID(), "admin").get(Platform.GROUP_BUYING + "/api/group-buying/" + session).then()
                .body("status", equalTo("forming"));
        assertThat(Outbox.writtenSince("wallet", since)).isZero();
    }

    @Test
    void overlongTextIs400NamingTheField() {
        UUID user = UUID.randomUUID();
        problem(as(Money.ADMIN, "admin").body(Map.of("amount", 1, "reference", "r".repeat(201)))
                .post(Platform.WALLET + "/api/wallet/" + user + "/debit"), 400, "reference");
        problem(as(UUID.randomUUID(), "admin").body(Map.of("name", "n".repeat(10_001), "factoryId", user.toString(),
                "bundles", Map.of("S", 1))).post(Platform.GROUP_BUYING + "/api/products"), 400, null)
                .then().body("detail", containsString("longer than 10000 characters"));
        problem(as(UUID.randomUUID(), "admin").body(Map.of("name", "n".repeat(201), "factoryId", user.toString(),
                "bundles", Map.of("S", 1))).post(Platform.GROUP_BUYING + "/api/products"), 400, "name");
    }

    @Test
    void quantityTimesGroupPriceOverflowingIs400() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        long quantity = Long.MAX_VALUE / 200_000 + 1;
        problem(as(UUID.randomUUID(), "customer").body(Map.of("variantId", hoodie.variant("M").toString(),
                "quantity", quantity, "unitPrice", 200_000, "totalPrice", 1))
                .post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/join"), 400, "quantity")
                .then().body("detail", containsString("more rupiah than can be paid"));
    }

    @Test
    void concurrentCreatesWithTheSameSessionCodeAreOne201AndTheRest409() throws Exception {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
        body.put("sessionCode", "RACE-" + UUID.randomUUID().toString().substring(0, 8));
        int racers = 6;
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> answers = new ArrayList<>();
        try (ExecutorService pool = Executors.newFixedThreadPool(racers)) {
            for (int i = 0; i < racers; i++) {
                Callable<Response> create = () -> {
                    start.await();
                    return as(hoodie.factory(), "factory").body(body).post(Platform.GROUP_BUYING + "/api/group-buying");
                };
                answers.add(pool.submit(create));
            }
            start.countDown();
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Response> answer : answers) {
            Response response = answer.get();
            statuses.add(response.statusCode());
            if (response.statusCode() == 409) {
                response.then().contentType("application/problem+json").body("field", equalTo("sessionCode"));
            }
        }
        assertThat(statuses).containsOnly(201, 409).filteredOn(s -> s == 201).hasSize(1);
    }

    private static Response problem(Response response, int status, String field) {
        response.then().statusCode(status).contentType("application/problem+json").body("status", equalTo(status));
        if (field != null) {
            response.then().body("field", equalTo(field));
        }
        return response;
    }

    private static String base(String service) {
        return switch (service) {
            case "GROUP_BUYING" -> Platform.GROUP_BUYING;
            case "PAYMENT" -> Platform.PAYMENT;
            case "WALLET" -> Platform.WALLET;
            case "WAREHOUSE" -> Platform.WAREHOUSE;
            case "ORDER" -> Platform.ORDER;
            case "NOTIFICATIONS" -> Platform.NOTIFICATIONS;
            default -> throw new IllegalArgumentException(service);
        };
    }
}
