package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The seed's flow (b): the warehouse has none of the Premium Hoodie (bundle S2 M5 L4 XL1). Customers pay for
 * S 3, M 12, L 4 (19 of MOQ 100, so the bot adds 6 to reach tier 25 at 150,000). The warehouse orders
 * max(ceil(3/2), ceil(12/5), ceil(4/4), 0) = 3 bundles = S 6, M 15, L 12, XL 3 and the factory gets a
 * WhatsApp message; the session waits as pending_stock. The factory delivers and the warehouse staff count it, the
 * orders are created, the factory marks production done, the escrow goes to the factory and the session succeeds,
 * with the excess (S 3, M 3, L 8, XL 3) left in stock.
 */
final class NoStockFlow {

    static final long FINAL_PRICE = 150_000;

    final UUID factory = UUID.randomUUID();
    final String phone = "+62812" + (1_000_000 + ThreadLocalRandom.current().nextInt(9_000_000));
    final List<Saga.Seat> seats = List.of(new Saga.Seat(UUID.randomUUID(), "S", 3),
            new Saga.Seat(UUID.randomUUID(), "M", 12), new Saga.Seat(UUID.randomUUID(), "L", 4));
    Products.Product hoodie;
    UUID session;
    Map<String, Object> purchaseOrder;

    /** Product, the factory's WhatsApp number, the session, three customers who pay. */
    NoStockFlow open() {
        hoodie = Products.premiumHoodie(factory);
        Saga.whatsAppNumber(factory, phone);
        session = Products.openSession(hoodie);
        Saga.joinAndPay(hoodie, session, seats);
        return this;
    }

    void expire() {
        assertThat(Saga.expire(session)).isEqualTo("confirmed");
    }

    /** Tier refunds: (200,000 - 150,000) x units. */
    void awaitRefunds() {
        Money.awaitWallet(seats.get(0).user(), 150_000);
        Money.awaitWallet(seats.get(1).user(), 600_000);
        Money.awaitWallet(seats.get(2).user(), 200_000);
    }

    /** The purchase order in whole bundles, the factory's WhatsApp message, and the session waiting for stock. */
    void awaitPurchaseOrder() {
        purchaseOrder = Saga.purchaseOrderOf(session);
        assertThat(((Number) purchaseOrder.get("bundles")).longValue()).isEqualTo(3);
        assertThat(((Number) purchaseOrder.get("grosirUnitsNeeded")).longValue()).isEqualTo(3);
        assertThat(purchaseOrder.get("hasStock")).isEqualTo(false);
        assertThat(purchaseOrder.get("factoryId")).isEqualTo(factory.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lines = (List<Map<String, Object>>) purchaseOrder.get("lines");
        assertThat(lines).extracting(l -> l.get("variantId"), l -> ((Number) l.get("missingUnits")).longValue(),
                        l -> ((Number) l.get("orderedUnits")).longValue())
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(hoodie.variant("S").toString(), 3L, 6L),
                        org.assertj.core.groups.Tuple.tuple(hoodie.variant("M").toString(), 12L, 15L),
                        org.assertj.core.groups.Tuple.tuple(hoodie.variant("L").toString(), 4L, 12L),
                        org.assertj.core.groups.Tuple.tuple(hoodie.variant("XL").toString(), 0L, 3L));

        JsonPath waiting = Saga.awaitStatus(session, "pending_stock");
        assertThat(waiting.getBoolean("fulfilment.hasStock")).isFalse();
        assertThat(waiting.getLong("fulfilment.grosirUnitsNeeded")).isEqualTo(3);
        assertThat(waiting.getString("fulfilment.poNumber")).isEqualTo(purchaseOrder.get("poNumber"));

        List<Map<String, Object>> messages = await("WhatsApp to the factory").atMost(Saga.DEADLINE)
                .pollInterval(Duration.ofMillis(300)).until(() -> Saga.whatsAppMessagesTo(phone), m -> !m.isEmpty());
        assertThat(messages).hasSize(1);
        assertThat(String.valueOf(messages.getFirst())).contains((String) purchaseOrder.get("poNumber"));
    }

    /** The factory delivers the whole order; the warehouse staff count it (SPEC §7: the factory cannot). */
    void receive() {
        Deliveries.receive(purchaseOrder.get("id"), Deliveries.ordered(purchaseOrder)).statusCode(200);
    }

    /** Received stock: what the session needs is reserved, the rest of the bundles is available. */
    void awaitStockReserved() {
        await("the session's demand reserved").atMost(Saga.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Saga.inventory(hoodie.variant("M")).getLong("reserved") == 12);
        assertStock("S", 6, 3, 3);
        assertStock("M", 15, 12, 3);
        assertStock("L", 12, 4, 8);
        assertStock("XL", 3, 0, 3);
    }

    private void assertStock(String variant, long onHand, long reserved, long available) {
        JsonPath stock = Saga.inventory(hoodie.variant(variant));
        assertThat(List.of(stock.getLong("onHand"), stock.getLong("reserved"), stock.getLong("available")))
                .as("stock of %s (on hand, reserved, available)", variant).containsExactly(onHand, reserved, available);
    }

    /** One order per real participant (none for the bot), then the factory marks production done. */
    void awaitOrdersAndCompleteProduction() {
        List<Map<String, Object>> orders = Saga.awaitOrders(session, 3);
        assertThat(orders).extracting(o -> o.get("userId"))
                .containsExactlyInAnyOrderElementsOf(seats.stream().map(s -> s.user().toString()).toList());
        assertThat(orders).extracting(o -> ((Number) Saga.item(o).get("quantity")).longValue())
                .containsExactlyInAnyOrder(3L, 12L, 4L);
        assertThat(orders).allSatisfy(o -> assertThat(((Number) Saga.item(o).get("finalUnitPrice")).longValue())
                .isEqualTo(FINAL_PRICE));
        // the two facts reach group-buying on different topics, in either order: a factory's screen waits for both
        await("group-buying heard of the stock and the orders").atMost(Saga.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Saga.session(session), s -> "moq_reached".equals(s.getString("status"))
                        && Integer.valueOf(3).equals(s.get("fulfilment.ordersCreated")));
        as(factory, "factory").post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/production-complete")
                .then().statusCode(200);
    }

    /**
     * success, and the money check of SPEC §5: paid in = refunded + released, escrow 0, and the ledger's own checks (no
     * factory payout holds money of a seat outside the outcome).
     */
    void awaitSuccessWithExactMoney() {
        Saga.awaitStatus(session, "success");
        JsonPath ledger = Money.assertEscrowSettled(session.toString());
        assertThat(ledger.getLong("paidIn")).isEqualTo(3_800_000);
        assertThat(ledger.getLong("refunded")).isEqualTo(950_000);
        assertThat(ledger.getLong("released")).isEqualTo(2_850_000);
        assertThat(ledger.getLong("escrowBalance")).isZero();
        assertThat(ledger.getBoolean("balanced")).isTrue();
        assertThat(ledger.getList("entries")).hasSize(7); // 3 paid in, 3 tier refunds, 1 release
        assertThat(Money.wallet(seats.get(0).user())).isEqualTo(150_000);
        assertThat(Money.wallet(seats.get(1).user())).isEqualTo(600_000);
        assertThat(Money.wallet(seats.get(2).user())).isEqualTo(200_000);
    }

    /** Every step of the saga, once, in the order it happened. */
    void assertTimeline() {
        List<Map<String, Object>> steps = Saga.awaitTimeline(session, s -> s.stream().anyMatch(
                step -> "escrow_released".equals(step.get("step"))));
        List<String> names = steps.stream().map(s -> (String) s.get("step")).toList();
        assertThat(names).containsExactlyInAnyOrder("created", "confirmed", "refunds_issued", "purchase_order_created",
                "purchase_order_received", "stock_reserved", "orders_created", "production_completed", "escrow_released");
        assertThat(names).containsSubsequence("created", "confirmed", "purchase_order_created", "purchase_order_received",
                "stock_reserved", "orders_created", "production_completed", "escrow_released");
        assertThat(steps).allSatisfy(step -> assertThat(step.get("at")).isNotNull());
        assertThat(outcome(steps, "refunds_issued")).startsWith("3/3 refunds issued, Rp 950.000");
        assertThat(outcome(steps, "purchase_order_created")).contains((String) purchaseOrder.get("poNumber"))
                .contains("3 bundles");
        assertThat(outcome(steps, "escrow_released")).startsWith("Rp 2.850.000");
    }

    /** Each person heard of each step once. */
    void assertNoticesOnce() {
        for (Saga.Seat seat : seats) {
            List<String> kinds = Saga.awaitNotices(seat.user(), "customer", session, List.of("session_confirmed",
                    "refund_credited", "order_created", "production_complete"));
            assertThat(kinds).doesNotHaveDuplicates();
        }
        List<String> factoryKinds = Saga.awaitNotices(factory, "factory", session, List.of("purchase_order",
                "escrow_released"));
        assertThat(factoryKinds).doesNotHaveDuplicates();
        assertThat(Saga.whatsAppMessagesTo(phone)).hasSize(1);
    }

    static String outcome(List<Map<String, Object>> steps, String step) {
        return steps.stream().filter(s -> step.equals(s.get("step"))).map(s -> (String) s.get("outcome")).findFirst()
                .orElseThrow();
    }
}
