package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static io.laku.e2e.Stores.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8's other endings of a store order: an unpaid payment expires and the units come back; the customer cancels
 * before paying; the seller cancels a paid order and the customer is refunded in full, once; a suspended seller's
 * products cannot be bought (its open orders still finish).
 */
class SellerOrderEndingsIT {

    @Test
    void anUnpaidOrderExpiresAndItsUnitsComeBack() {
        Stores.Seller seller = Stores.verifiedSeller("Toko Sabar", null);
        UUID variant = Stores.list(seller, "Slow Mug", List.of(Stores.variant("Blue", 45_000, 4))).variant("Blue");
        var items = Stores.basket(variant, 3);
        Stores.awaitOnSale(items);
        UUID customer = UUID.randomUUID();
        Object order = Stores.checkout(customer, items).getFirst().get("id");
        JsonPath awaiting = Stores.awaitOrder(customer, order, o -> o.getString("store.paymentUrl") != null, "has a payment link");
        assertThat(awaiting.getString("status")).isEqualTo("pending_payment");
        Instant expiresAt = Instant.parse(awaiting.getString("store.paymentExpiresAt"));
        assertThat(Duration.between(Instant.now(), expiresAt))
                .as("the e2e stack runs with a short payment window (LAKU_PAYMENT_DIRECT_DURATION, as ./laku test sets it)")
                .isLessThan(Duration.ofMinutes(3));
        assertThat(Stores.stockOf(seller, variant)).containsExactly(4L, 3L, 1L);

        JsonPath cancelled = Stores.awaitOrder(customer, order, o -> "cancelled".equals(o.getString("status")), "expired");
        assertThat(cancelled.getString("store.cancelledBy")).isEqualTo("payment_expired");
        Stores.awaitStock(seller, variant, List.of(4L, 0L, 4L));
        assertThat(Stores.movements(seller).stream().filter(m -> order.toString().equals(m.get("orderId"))))
                .extracting(m -> m.get("kind"), m -> number(m, "reservedDelta"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("reservation", 3L),
                        org.assertj.core.groups.Tuple.tuple("release", -3L));
        JsonPath payment = Stores.directPayment(order);
        assertThat(payment.getString("payment.status")).isEqualTo("expired");
        assertThat(payment.getLong("ledger.paidIn")).isZero();
    }

    @Test
    void theCustomerCancelsBeforePayingAndTheUnitsComeBack() {
        Stores.Seller seller = Stores.verifiedSeller("Toko Ragu", null);
        UUID variant = Stores.list(seller, "Maybe Hat", List.of(Stores.variant("Red", 60_000, 5))).variant("Red");
        var items = Stores.basket(variant, 2);
        Stores.awaitOnSale(items);
        UUID customer = UUID.randomUUID();
        Object order = Stores.checkout(customer, items).getFirst().get("id");
        Stores.awaitOrder(customer, order, o -> o.getString("store.paymentUrl") != null, "has a payment link");
        // someone else may not
        as(UUID.randomUUID(), "customer").body(Map.of()).post(Platform.ORDER + "/api/orders/" + order + "/cancel")
                .then().statusCode(403).contentType("application/problem+json");

        JsonPath cancelled = as(customer, "customer").body(Map.of("reason", "changed my mind"))
                .post(Platform.ORDER + "/api/orders/" + order + "/cancel").then().statusCode(200).extract().jsonPath();
        assertThat(cancelled.getString("status")).isEqualTo("cancelled");
        assertThat(cancelled.getString("store.cancelledBy")).isEqualTo("customer");
        Stores.awaitStock(seller, variant, List.of(5L, 0L, 5L));
        as(customer, "customer").body(Map.of()).post(Platform.ORDER + "/api/orders/" + order + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
        as(seller.user(), "seller").body(Map.of("courier", "JNE", "trackingNumber", "X1"))
                .post(Platform.ORDER + "/api/orders/" + order + "/ship").then().statusCode(409);
        JsonPath payment = Stores.awaitPaymentStatus(order, "cancelled");
        assertThat(payment.getLong("ledger.paidIn")).isZero();
    }

    @Test
    void theSellerCancelsAPaidOrderAndTheCustomerIsRefundedInFullOnce() {
        Stores.Seller seller = Stores.verifiedSeller("Toko Batal", null);
        UUID variant = Stores.list(seller, "Broken Lamp", List.of(Stores.variant("White", 120_000, 6))).variant("White");
        var items = Stores.basket(variant, 2);
        Stores.awaitOnSale(items);
        UUID customer = UUID.randomUUID();
        Object order = Stores.checkout(customer, items).getFirst().get("id");
        Stores.pay(customer, order);
        assertThat(Stores.stockOf(seller, variant)).containsExactly(6L, 2L, 4L);

        // paid: the customer may no longer cancel; another seller never
        as(customer, "customer").body(Map.of()).post(Platform.ORDER + "/api/orders/" + order + "/cancel")
                .then().statusCode(409).contentType("application/problem+json");
        Stores.Seller other = Stores.verifiedSeller("Toko Lain", null);
        as(other.user(), "seller").body(Map.of()).post(Platform.ORDER + "/api/orders/" + order + "/cancel")
                .then().statusCode(403);

        JsonPath cancelled = as(seller.user(), "seller").body(Map.of("reason", "the lamp broke in the warehouse"))
                .post(Platform.ORDER + "/api/orders/" + order + "/cancel").then().statusCode(200).extract().jsonPath();
        assertThat(cancelled.getString("store.cancelledBy")).isEqualTo("seller");
        as(seller.user(), "seller").body(Map.of()).post(Platform.ORDER + "/api/orders/" + order + "/cancel")
                .then().statusCode(409);

        Money.awaitWallet(customer, 240_000);
        Stores.awaitStock(seller, variant, List.of(6L, 0L, 6L));
        JsonPath payment = Stores.awaitPaymentStatus(order, "refunded");
        assertThat(payment.getLong("ledger.paidIn")).isEqualTo(240_000);
        assertThat(payment.getLong("ledger.refunded")).isEqualTo(240_000);
        assertThat(payment.getLong("ledger.held")).isZero();
        List<Map<String, Object>> credits = as(customer, "customer").get(Platform.WALLET + "/api/wallet/" + customer
                + "/transactions").then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(credits).singleElement().satisfies(t -> {
            assertThat(number(t, "amount")).isEqualTo(240_000);
            assertThat((String) t.get("reason")).isEqualTo("refund:ORDER_CANCELLED");
        });
        // nothing reached the seller
        assertThat(as(Stores.ADMIN, "admin").get(Platform.SETTLEMENT + "/api/settlements/payees/" + seller.id())
                .then().extract().jsonPath().getLong("balance")).isZero();
    }

    @Test
    void aSuspendedSellersProductsCannotBeBoughtButItsOpenOrdersFinish() {
        Stores.Seller seller = Stores.verifiedSeller("Toko Nakal", null);
        Stores.Listed listed = Stores.list(seller, "Grey Market Watch", List.of(Stores.variant("Gold", 300_000, 5)));
        UUID variant = listed.variant("Gold");
        var items = Stores.basket(variant, 1);
        Stores.awaitOnSale(items);
        UUID early = UUID.randomUUID();
        Object open = Stores.checkout(early, items).getFirst().get("id");
        Stores.pay(early, open);

        JsonPath suspended = as(Stores.ADMIN, "admin").body(Map.of("reason", "counterfeit goods reported"))
                .post(Platform.SELLER + "/api/sellers/" + seller.id() + "/suspend").then().statusCode(200).extract().jsonPath();
        assertThat(suspended.getString("status")).isEqualTo("suspended");
        as(Stores.ADMIN, "admin").body(Map.of()).post(Platform.SELLER + "/api/sellers/" + seller.id() + "/suspend")
                .then().statusCode(409);
        Stores.awaitRefused(items, "seller-not-active");

        UUID late = UUID.randomUUID();
        assertThat(as(late, "customer").body(Map.of("items", items)).post(Platform.ORDER + "/api/orders").then()
                .statusCode(409).contentType("application/problem+json").extract().jsonPath().getString("type"))
                .endsWith("/seller-not-active");
        assertThat(as(late, "customer").get(Platform.ORDER + "/api/orders").then().statusCode(200).extract().jsonPath()
                .getLong("total")).isZero();
        assertThat(Platform.anonymous().get(Platform.SELLER + "/api/seller-products/" + listed.id()).then().statusCode(200)
                .extract().jsonPath().getBoolean("onSale")).isFalse();
        as(seller.user(), "seller").body(Map.of("name", "Another Watch", "variants", List.of(Stores.variant("Silver", 1, 1))))
                .post(Platform.SELLER + "/api/sellers/" + seller.id() + "/products").then().statusCode(409);

        // the order paid before the suspension still ships
        assertThat(Stores.ship(seller, open).getString("status")).isEqualTo("shipped");
        Stores.awaitStock(seller, variant, List.of(4L, 0L, 4L));
    }
}
