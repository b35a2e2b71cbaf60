package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Predicate;

/**
 * Drives the seller store over REST as people do (SPEC §8): a user registers a store and an admin verifies it, the
 * seller lists products, customers check out and pay on the gateway's page, the seller ships, an admin runs payouts.
 * Reads what each service shows, with a deadline.
 */
final class Stores {

    static final Duration DEADLINE = Duration.ofSeconds(90);
    static final UUID ADMIN = Money.ADMIN;
    static final Duration POLL = Duration.ofMillis(250);

    /** A verified seller: its user, its account id and where its payouts go. */
    record Seller(UUID user, UUID id, String accountNumber) {
    }

    /** A listed product: its id and its variants' ids by name. */
    record Listed(UUID id, Map<String, UUID> variants) {
        UUID variant(String name) {
            return variants.get(name);
        }
    }

    private Stores() {
    }

    static String accountNumber() {
        return String.valueOf(ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_999_999_999L));
    }

    static Map<String, Object> registration(String storeName, String accountNumber) {
        return Map.of("storeName", storeName, "phone", "+6281234567890",
                "bankAccount", Map.of("bankCode", "BCA", "accountNumber", accountNumber, "accountHolderName", storeName + " owner"));
    }

    /** A user registers a store (as a customer: any signed-in user may) and an admin verifies it at feeBps. */
    static Seller verifiedSeller(String storeName, Integer feeBps) {
        UUID user = UUID.randomUUID();
        String account = accountNumber();
        JsonPath registered = as(user, "customer").body(registration(storeName, account))
                .post(Platform.SELLER + "/api/sellers").then().statusCode(201).extract().jsonPath();
        assertThat(registered.getString("status")).isEqualTo("pending_verification");
        assertThat(registered.getString("userId")).isEqualTo(user.toString());
        UUID id = UUID.fromString(registered.getString("id"));
        Map<String, Object> verification = feeBps == null ? Map.of() : Map.of("feeBps", feeBps);
        String status = as(ADMIN, "admin").body(verification).post(Platform.SELLER + "/api/sellers/" + id + "/verify")
                .then().statusCode(200).extract().path("status");
        assertThat(status).isEqualTo("active");
        return new Seller(user, id, account);
    }

    static Map<String, Object> variant(String name, long price, long stock) {
        return Map.of("name", name, "sku", name.toUpperCase().replace(' ', '-') + "-" + UUID.randomUUID().toString()
                .substring(0, 8), "price", price, "stock", stock);
    }

    static Listed list(Seller seller, String name, List<Map<String, Object>> variants) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", name);
        body.put("description", name + ", listed by an e2e test");
        body.put("variants", variants);
        JsonPath created = as(seller.user(), "seller").body(body)
                .post(Platform.SELLER + "/api/sellers/" + seller.id() + "/products").then().statusCode(201)
                .extract().jsonPath();
        Map<String, UUID> ids = new LinkedHashMap<>();
        for (Map<String, Object> v : created.<Map<String, Object>>getList("variants")) {
            ids.put((String) v.get("name"), UUID.fromString((String) v.get("id")));
        }
        return new Listed(UUID.fromString(created.getString("id")), ids);
    }

    static List<Map<String, Object>> basket(Object... variantAndQuantity) {
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (int i = 0; i < variantAndQuantity.length; i += 2) {
            items.add(Map.of("variantId", variantAndQuantity[i].toString(), "quantity", variantAndQuantity[i + 1]));
        }
        return items;
    }

    static Response preview(UUID customer, List<Map<String, Object>> items) {
        return as(customer, "customer").body(Map.of("items", items)).post(Platform.ORDER + "/api/orders/preview");
    }

    /** Order learns the stores from laku.seller: wait until a checkout of the basket would be accepted. */
    static void awaitOnSale(List<Map<String, Object>> items) {
        UUID someone = UUID.randomUUID();
        await("order sells " + items).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> preview(someone, items).statusCode() == 200);
    }

    /** Waits until order refuses the basket with this problem type (e.g. after a suspension). */
    static void awaitRefused(List<Map<String, Object>> items, String problemType) {
        UUID someone = UUID.randomUUID();
        await("order refuses " + items + " as " + problemType).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> {
                    Response r = preview(someone, items);
                    return r.statusCode() == 409 && r.jsonPath().getString("type").endsWith("/" + problemType);
                });
    }

    static List<Map<String, Object>> checkout(UUID customer, List<Map<String, Object>> items) {
        return as(customer, "customer").body(Map.of("items", items)).post(Platform.ORDER + "/api/orders")
                .then().statusCode(201).extract().jsonPath().getList("orders");
    }

    static JsonPath order(UUID user, String role, Object orderId) {
        return as(user, role).get(Platform.ORDER + "/api/orders/" + orderId).then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitOrder(UUID customer, Object orderId, Predicate<JsonPath> condition, String what) {
        return await("order " + orderId + " " + what).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> order(customer, "customer", orderId), condition);
    }

    static JsonPath awaitStatus(UUID customer, Object orderId, String status) {
        return awaitOrder(customer, orderId, o -> status.equals(o.getString("status")), status);
    }

    /** Waits for the order's payment link and pays on the gateway's hosted page (the real PAID callback follows). */
    static JsonPath pay(UUID customer, Object orderId) {
        JsonPath order = awaitOrder(customer, orderId, o -> o.getString("store.paymentUrl") != null, "has a payment link");
        RestAssured.given().post(order.getString("store.paymentUrl")).then().statusCode(200);
        return awaitStatus(customer, orderId, "paid");
    }

    static JsonPath ship(Seller seller, Object orderId) {
        return as(seller.user(), "seller").body(Map.of("courier", "JNE", "trackingNumber", "JNE" + accountNumber()))
                .post(Platform.ORDER + "/api/orders/" + orderId + "/ship").then().statusCode(200).extract().jsonPath();
    }

    /** The seller's variants with stock, reserved and available, by variant id. */
    static Map<String, Map<String, Object>> stock(Seller seller) {
        List<Map<String, Object>> products = as(seller.user(), "seller").queryParam("size", 100)
                .get(Platform.SELLER + "/api/sellers/" + seller.id() + "/products").then().statusCode(200)
                .extract().jsonPath().getList("items");
        Map<String, Map<String, Object>> byVariant = new LinkedHashMap<>();
        for (Map<String, Object> product : products) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> variants = (List<Map<String, Object>>) product.get("variants");
            variants.forEach(v -> byVariant.put((String) v.get("id"), v));
        }
        return byVariant;
    }

    /** [stock, reserved, available] of one variant. */
    static List<Long> stockOf(Seller seller, UUID variant) {
        Map<String, Object> v = stock(seller).get(variant.toString());
        return List.of(number(v, "stock"), number(v, "reserved"), number(v, "available"));
    }

    static List<Long> awaitStock(Seller seller, UUID variant, List<Long> expected) {
        return await("stock of " + variant + " = " + expected).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> stockOf(seller, variant), expected::equals);
    }

    /** The audit trail, oldest first. */
    static List<Map<String, Object>> movements(Seller seller) {
        List<Map<String, Object>> newestFirst = as(seller.user(), "seller").queryParam("size", 100)
                .get(Platform.SELLER + "/api/sellers/" + seller.id() + "/stock-movements").then().statusCode(200)
                .extract().jsonPath().getList("items");
        return newestFirst.reversed();
    }

    static JsonPath payee(UUID payeeId) {
        return as(ADMIN, "admin").get(Platform.SETTLEMENT + "/api/settlements/payees/" + payeeId).then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath awaitPayee(UUID payeeId, Predicate<JsonPath> condition, String what) {
        await("payee " + payeeId + " " + what).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> as(ADMIN, "admin").get(Platform.SETTLEMENT + "/api/settlements/payees/" + payeeId)
                        .statusCode() == 200);
        return await("payee " + payeeId + " " + what).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> payee(payeeId), condition);
    }

    static JsonPath awaitBalance(UUID payeeId, long balance) {
        return awaitPayee(payeeId, p -> p.getLong("balance") == balance, "balance " + balance);
    }

    /** An admin's payout run; returns the payouts it made for these payees only (other tests' payees may be paid too). */
    static List<Map<String, Object>> payoutRun(UUID... payees) {
        List<Map<String, Object>> made = as(ADMIN, "admin").body(Map.of()).post(Platform.SETTLEMENT + "/api/settlements/payouts")
                .then().statusCode(200).extract().jsonPath().getList("payouts");
        List<String> mine = java.util.Arrays.stream(payees).map(UUID::toString).toList();
        return made.stream().filter(p -> mine.contains(p.get("payeeId"))).toList();
    }

    static JsonPath awaitPayouts(UUID payeeId, Predicate<List<Map<String, Object>>> condition, String what) {
        return awaitPayee(payeeId, p -> condition.test(p.getList("payouts")), what);
    }

    /** What the simulator disbursed to an account, oldest first. */
    static List<Map<String, Object>> disbursementsTo(String accountNumber) {
        return RestAssured.given().queryParam("account_number", accountNumber)
                .get(Platform.GATEWAY + "/simulator/disbursements").then().statusCode(200).extract().jsonPath().getList("$");
    }

    static JsonPath directPayment(Object orderId) {
        return as(ADMIN, "admin").get(Platform.PAYMENT + "/api/payments/orders/" + orderId).then().statusCode(200)
                .extract().jsonPath();
    }

    static JsonPath awaitPaymentStatus(Object orderId, String status) {
        await("payment of order " + orderId + " " + status).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> as(ADMIN, "admin").get(Platform.PAYMENT + "/api/payments/orders/" + orderId).statusCode() == 200);
        return await("payment of order " + orderId + " " + status).atMost(DEADLINE).pollInterval(POLL)
                .until(() -> directPayment(orderId), p -> status.equals(p.getString("payment.status")));
    }

    static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}
