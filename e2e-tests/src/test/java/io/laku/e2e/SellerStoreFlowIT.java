package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static io.laku.e2e.Stores.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8 end to end over REST, nothing published by the test: two sellers registered and verified, one checkout
 * splitting into two orders, both paid on the gateway's page and shipped, the stock and its movements exact, each
 * seller's balance total - fee, one payout each (a repeated run pays nothing), and the money invariant.
 */
class SellerStoreFlowIT {

    @Test
    void aCheckoutFromTwoSellersIsPaidShippedSettledAndPaidOutOnce() {
        Stores.Seller hoodies = Stores.verifiedSeller("Toko Hoodie", null);      // the default fee, 500 bps
        Stores.Seller totes = Stores.verifiedSeller("Toko Tas", 250);
        Stores.Listed hoodie = Stores.list(hoodies, "Premium Hoodie", List.of(Stores.variant("M", 150_000, 10),
                Stores.variant("L", 160_000, 5)));
        Stores.Listed tote = Stores.list(totes, "Canvas Tote", List.of(Stores.variant("One size", 75_000, 3)));

        // the shop window needs no token: prices and what can be bought now
        JsonPath window = Platform.anonymous().get(Platform.SELLER + "/api/seller-products/" + hoodie.id())
                .then().statusCode(200).extract().jsonPath();
        assertThat(window.getBoolean("onSale")).isTrue();
        assertThat(window.getList("variants.price", Long.class)).containsExactly(150_000L, 160_000L);
        assertThat(window.getList("variants.available", Long.class)).containsExactly(10L, 5L);

        var items = Stores.basket(hoodie.variant("M"), 2, hoodie.variant("L"), 1, tote.variant("One size"), 1);
        Stores.awaitOnSale(items);
        UUID customer = UUID.randomUUID();
        List<Map<String, Object>> orders = Stores.checkout(customer, items);
        assertThat(orders).hasSize(2).allSatisfy(o -> {
            assertThat(o.get("orderSource")).isEqualTo("seller_store");
            assertThat(o.get("status")).isEqualTo("pending_stock_check");
            assertThat(o.get("userId")).isEqualTo(customer.toString());
        });
        Map<String, Object> fromHoodies = bySeller(orders, hoodies);
        Map<String, Object> fromTotes = bySeller(orders, totes);
        assertThat(number(fromHoodies, "total")).isEqualTo(2 * 150_000 + 160_000);
        assertThat(number(fromTotes, "total")).isEqualTo(75_000);
        assertThat(store(fromHoodies).get("checkoutId")).isEqualTo(store(fromTotes).get("checkoutId"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) fromHoodies.get("items");
        assertThat(lines).extracting(l -> l.get("variantName"), l -> number(l, "quantity"), l -> number(l, "finalUnitPrice"))
                .containsExactly(org.assertj.core.groups.Tuple.tuple("M", 2L, 150_000L),
                        org.assertj.core.groups.Tuple.tuple("L", 1L, 160_000L));

        Object orderA = fromHoodies.get("id");
        Object orderB = fromTotes.get("id");
        Stores.pay(customer, orderA);
        Stores.pay(customer, orderB);
        assertThat(Stores.stockOf(hoodies, hoodie.variant("M"))).containsExactly(10L, 2L, 8L);
        assertThat(Stores.stockOf(hoodies, hoodie.variant("L"))).containsExactly(5L, 1L, 4L);
        assertThat(Stores.stockOf(totes, tote.variant("One size"))).containsExactly(3L, 1L, 2L);
        // a seller sees its own store's orders, not the other's
        as(hoodies.user(), "seller").get(Platform.ORDER + "/api/orders/" + orderA).then().statusCode(200);
        as(hoodies.user(), "seller").get(Platform.ORDER + "/api/orders/" + orderB).then().statusCode(403);

        JsonPath shippedA = Stores.ship(hoodies, orderA);
        assertThat(shippedA.getString("status")).isEqualTo("shipped");
        assertThat(shippedA.getString("store.courier")).isEqualTo("JNE");
        Stores.ship(totes, orderB);

        Stores.awaitStock(hoodies, hoodie.variant("M"), List.of(8L, 0L, 8L));
        Stores.awaitStock(hoodies, hoodie.variant("L"), List.of(4L, 0L, 4L));
        Stores.awaitStock(totes, tote.variant("One size"), List.of(2L, 0L, 2L));
        List<Map<String, Object>> trail = Stores.movements(hoodies);
        assertThat(trail).extracting(m -> m.get("kind"), m -> m.get("variantId"), m -> number(m, "stockDelta"),
                m -> number(m, "reservedDelta"), m -> m.get("orderId")).containsExactlyInAnyOrder(
                movement("adjustment", hoodie.variant("M"), 10, 0, null),
                movement("adjustment", hoodie.variant("L"), 5, 0, null),
                movement("reservation", hoodie.variant("M"), 0, 2, orderA),
                movement("reservation", hoodie.variant("L"), 0, 1, orderA),
                movement("deduction", hoodie.variant("M"), -2, -2, orderA),
                movement("deduction", hoodie.variant("L"), -1, -1, orderA));
        assertThat(trail).allSatisfy(m -> assertThat(number(m, "reservedAfter")).isBetween(0L, number(m, "stockAfter")));

        // settlement: total - fee, fee = floor(total * feeBps / 10000)
        JsonPath payeeA = Stores.awaitBalance(hoodies.id(), 460_000 - 23_000);
        JsonPath payeeB = Stores.awaitBalance(totes.id(), 75_000 - 1_875);
        assertThat(payeeA.getLong("fees")).isEqualTo(23_000);
        assertThat(payeeA.getList("entries.kind")).containsExactlyInAnyOrder("seller_sale", "platform_fee");
        assertThat(payeeB.getInt("feeBps")).isEqualTo(250);
        for (Object order : List.of(orderA, orderB)) {
            JsonPath ledger = Stores.directPayment(order);
            assertThat(ledger.getString("payment.status")).isEqualTo("settled");
            assertThat(ledger.getLong("ledger.held")).isZero();
            assertThat(ledger.getLong("ledger.refunded")).isZero();
            assertThat(ledger.getLong("ledger.paidIn")).isEqualTo(ledger.getLong("ledger.settled"));
            assertThat(ledger.getBoolean("ledger.balanced")).isTrue();
        }

        // an admin payout run pays each seller its balance, once
        List<Map<String, Object>> paid = Stores.payoutRun(hoodies.id(), totes.id());
        assertThat(paid).extracting(p -> p.get("payeeId"), p -> number(p, "amount")).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(hoodies.id().toString(), 437_000L),
                org.assertj.core.groups.Tuple.tuple(totes.id().toString(), 73_125L));
        JsonPath afterA = Stores.awaitPayouts(hoodies.id(), p -> p.size() == 1 && "completed".equals(p.getFirst().get("status")),
                "paid out");
        JsonPath afterB = Stores.awaitPayouts(totes.id(), p -> p.size() == 1 && "completed".equals(p.getFirst().get("status")),
                "paid out");
        assertThat(Stores.payoutRun(hoodies.id(), totes.id())).isEmpty();
        for (var payee : List.of(afterA, afterB)) {
            assertThat(payee.getLong("balance")).isZero();
            assertThat(payee.getLong("inFlight")).isZero();
        }
        assertThat(afterA.getLong("paidOut")).isEqualTo(437_000);
        assertThat(afterB.getLong("paidOut")).isEqualTo(73_125);
        assertThat(Stores.disbursementsTo(hoodies.accountNumber())).singleElement().satisfies(d -> {
            assertThat(d.get("status")).isEqualTo("COMPLETED");
            assertThat(number(d, "amount")).isEqualTo(437_000);
        });
        assertThat(Stores.disbursementsTo(totes.accountNumber())).singleElement()
                .satisfies(d -> assertThat(number(d, "amount")).isEqualTo(73_125));

        // SPEC §8: paid by customers = refunded + fees + paid out + balances held
        long paidByCustomers = Stores.directPayment(orderA).getLong("ledger.paidIn") + Stores.directPayment(orderB).getLong("ledger.paidIn");
        long refunded = Stores.directPayment(orderA).getLong("ledger.refunded") + Stores.directPayment(orderB).getLong("ledger.refunded");
        JsonPath a = Stores.payee(hoodies.id());
        JsonPath b = Stores.payee(totes.id());
        assertThat(paidByCustomers).isEqualTo(535_000);
        assertThat(paidByCustomers).isEqualTo(refunded + a.getLong("fees") + b.getLong("fees") + a.getLong("paidOut")
                + b.getLong("paidOut") + a.getLong("balance") + b.getLong("balance"));
        assertThat(as(Stores.ADMIN, "admin").get(Platform.SETTLEMENT + "/api/settlements/ledger").then().statusCode(200)
                .extract().jsonPath().getBoolean("balanced")).isTrue();
        // the payee sees itself, with its own (seller) token
        as(hoodies.user(), "seller").get(Platform.SETTLEMENT + "/api/settlements/payees/" + hoodies.id()).then().statusCode(200);
    }

    static org.assertj.core.groups.Tuple movement(String kind, UUID variant, long stockDelta, long reservedDelta, Object order) {
        return org.assertj.core.groups.Tuple.tuple(kind, variant.toString(), stockDelta, reservedDelta,
                order == null ? null : order.toString());
    }

    static Map<String, Object> bySeller(List<Map<String, Object>> orders, Stores.Seller seller) {
        return orders.stream().filter(o -> seller.id().toString().equals(store(o).get("sellerId"))).findFirst().orElseThrow();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> store(Map<String, Object> order) {
        return (Map<String, Object>) order.get("store");
    }
}
