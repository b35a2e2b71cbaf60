package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * Drives the seed's whole flows over REST the way people do them: an admin configures and stocks, a
 * factory opens, customers join and pay on the gateway's page, an admin expires, the factory receives its
 * purchase order and marks production done. Reads what each service shows, with a deadline.
 */
final class Saga {

    static final Duration DEADLINE = Duration.ofSeconds(90);
    static final UUID ADMIN = Money.ADMIN;

    /** A customer's seat: who, which variant, how many units. */
    record Seat(UUID user, String variant, long units) {
    }

    private Saga() {
    }

    /** The admin books units of a variant into the warehouse (once the warehouse knows the product). */
    static void stock(UUID variant, long units) {
        await("warehouse knows variant " + variant).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> as(ADMIN, "admin").get(Platform.WAREHOUSE + "/api/warehouse/inventory/" + variant)
                        .statusCode() == 200);
        as(ADMIN, "admin").body(Map.of("delta", units, "reason", "opening stock for an e2e flow"))
                .post(Platform.WAREHOUSE + "/api/warehouse/inventory/" + variant + "/adjustments")
                .then().statusCode(201);
    }

    static JsonPath inventory(UUID variant) {
        return as(ADMIN, "admin").get(Platform.WAREHOUSE + "/api/warehouse/inventory/" + variant)
                .then().statusCode(200).extract().jsonPath();
    }

    /** The customers join over REST and pay on the gateway's hosted page (real callbacks). */
    static void joinAndPay(Products.Product product, UUID session, List<Seat> seats) {
        long paidUnits = 0;
        for (Seat seat : seats) {
            Products.joinAs(seat.user(), session, product.variant(seat.variant()), seat.units());
            paidUnits += seat.units();
        }
        Money.awaitInvoices(session.toString(), seats.size()).forEach(Money::pay);
        long expected = paidUnits;
        await("group-buying counts " + expected + " paid units").atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> session(session).getLong("stats.paidUnits") == expected);
    }

    static String expire(UUID session) {
        return as(ADMIN, "admin").post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/manual-expire")
                .then().statusCode(200).extract().path("outcome");
    }

    static JsonPath session(UUID session) {
        return as(ADMIN, "admin").get(Platform.GROUP_BUYING + "/api/group-buying/" + session)
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitStatus(UUID session, String status) {
        return await("session " + session + " " + status).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> session(session), s -> status.equals(s.getString("status")));
    }

    static List<Map<String, Object>> timeline(UUID session) {
        return as(ADMIN, "admin").get(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/timeline")
                .then().statusCode(200).extract().jsonPath().getList("steps");
    }

    /** The timeline's steps in order, once it satisfies the condition (its last steps come from late events). */
    static List<Map<String, Object>> awaitTimeline(UUID session, Predicate<List<Map<String, Object>>> complete) {
        return await("timeline of " + session).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> timeline(session), complete);
    }

    static Map<String, Object> purchaseOrderOf(UUID session) {
        List<Map<String, Object>> orders = await("purchase order of " + session).atMost(DEADLINE)
                .pollInterval(Duration.ofMillis(300))
                .until(() -> purchaseOrders(session), list -> !list.isEmpty());
        assertThat(orders).hasSize(1);
        return orders.getFirst();
    }

    static List<Map<String, Object>> purchaseOrders(UUID session) {
        return as(ADMIN, "admin").queryParam("sessionId", session.toString())
                .get(Platform.WAREHOUSE + "/api/warehouse/purchase-orders")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static List<Map<String, Object>> orders(UUID session) {
        return as(ADMIN, "admin").queryParam("sessionId", session.toString()).queryParam("size", 100)
                .get(Platform.ORDER + "/api/orders")
                .then().statusCode(200).extract().jsonPath().getList("items");
    }

    static List<Map<String, Object>> awaitOrders(UUID session, int n) {
        return await(n + " orders of " + session).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> orders(session), list -> list.size() == n);
    }

    /** An order's product snapshot (a seat is one variant, so an order has one item). */
    @SuppressWarnings("unchecked")
    static Map<String, Object> item(Map<String, Object> order) {
        List<Map<String, Object>> items = (List<Map<String, Object>>) order.get("items");
        assertThat(items).hasSize(1);
        return items.getFirst();
    }

    /** The kinds of the caller's notices about the session, oldest first. */
    static List<String> noticeKinds(UUID user, String role, UUID session) {
        List<Map<String, Object>> items = as(user, role).queryParam("size", 100)
                .get(Platform.NOTIFICATIONS + "/api/notifications")
                .then().statusCode(200).extract().jsonPath().getList("items");
        return items.reversed().stream().filter(n -> session.toString().equals(n.get("sessionId")))
                .map(n -> (String) n.get("kind")).toList();
    }

    static List<String> awaitNotices(UUID user, String role, UUID session, List<String> kinds) {
        return await("notices of " + user + " about " + session).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> noticeKinds(user, role, session), got -> got.containsAll(kinds));
    }

    static void whatsAppNumber(UUID factory, String phone) {
        as(factory, "factory").body(Map.of("phone", phone))
                .put(Platform.NOTIFICATIONS + "/api/notifications/whatsapp-contact").then().statusCode(200);
    }

    /** What the local WhatsApp simulator received for a number. */
    static List<Map<String, Object>> whatsAppMessagesTo(String phone) {
        return RestAssured.given().queryParam("to", phone.replace("+", "")).get(Platform.GATEWAY + "/whatsapp/messages")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    static Map<String, Object> body(Object... keyValues) {
        Map<String, Object> body = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            body.put((String) keyValues[i], keyValues[i + 1]);
        }
        return body;
    }
}
