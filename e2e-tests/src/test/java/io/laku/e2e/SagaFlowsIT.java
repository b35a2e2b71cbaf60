package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * The seed's whole flows across the six running services, over REST and events, with nothing published by the
 * test: (a) the stock is on hand, (b) the factory must deliver whole bundles first, (c) the session fails.
 */
class SagaFlowsIT {

    @Test
    void stockOnHandTheSessionSucceedsWithoutAPurchaseOrder() {
        UUID factory = UUID.randomUUID();
        Products.Product hoodie = Products.premiumHoodie(factory);
        Saga.stock(hoodie.variant("M"), 100);
        UUID session = Products.openSession(hoodie);
        List<Saga.Seat> seats = List.of(new Saga.Seat(UUID.randomUUID(), "M", 10),
                new Saga.Seat(UUID.randomUUID(), "M", 15), new Saga.Seat(UUID.randomUUID(), "M", 20));
        Saga.joinAndPay(hoodie, session, seats);

        assertThat(Saga.expire(session)).isEqualTo("confirmed");

        // tier 25 (45 of 100): (200,000 - 150,000) x units back to each wallet
        Money.awaitWallet(seats.get(0).user(), 500_000);
        Money.awaitWallet(seats.get(1).user(), 750_000);
        Money.awaitWallet(seats.get(2).user(), 1_000_000);

        JsonPath done = Saga.awaitStatus(session, "success");
        assertThat(done.getBoolean("fulfilment.hasStock")).isTrue();
        assertThat(done.getLong("fulfilment.grosirUnitsNeeded")).isZero();
        assertThat(done.getBoolean("fulfilment.productionImplied")).isTrue();
        assertThat(done.getInt("fulfilment.ordersCreated")).isEqualTo(3);

        JsonPath stock = Saga.inventory(hoodie.variant("M"));
        assertThat(List.of(stock.getLong("onHand"), stock.getLong("reserved"), stock.getLong("available")))
                .containsExactly(100L, 45L, 55L);
        assertThat(Saga.purchaseOrders(session)).isEmpty();

        List<Map<String, Object>> orders = Saga.awaitOrders(session, 3);
        for (Saga.Seat seat : seats) {
            Map<String, Object> order = orders.stream().filter(o -> seat.user().toString().equals(o.get("userId")))
                    .findFirst().orElseThrow();
            Map<String, Object> item = Saga.item(order);
            assertThat(item.get("productName")).isEqualTo("Premium Hoodie");
            assertThat(item.get("variantId")).isEqualTo(hoodie.variant("M").toString());
            assertThat(item.get("variantName")).isEqualTo("M");
            assertThat(number(item, "quantity")).isEqualTo(seat.units());
            assertThat(number(item, "paidUnitPrice")).isEqualTo(200_000);
            assertThat(number(item, "finalUnitPrice")).isEqualTo(150_000);
            assertThat(number(order, "refund")).isEqualTo(50_000 * seat.units());
            assertThat(number(order, "total")).isEqualTo(150_000 * seat.units());
            assertThat((String) order.get("orderNumber")).isNotBlank();
        }

        JsonPath ledger = Money.assertEscrowSettled(session.toString());
        assertThat(ledger.getLong("paidIn")).isEqualTo(9_000_000);
        assertThat(ledger.getLong("refunded")).isEqualTo(2_250_000);
        assertThat(ledger.getLong("released")).isEqualTo(6_750_000);
        assertThat(ledger.getLong("escrowBalance")).isZero();
        assertThat(ledger.getBoolean("balanced")).isTrue();

        List<Map<String, Object>> steps = Saga.awaitTimeline(session,
                s -> s.stream().anyMatch(step -> "escrow_released".equals(step.get("step"))));
        List<String> names = steps.stream().map(s -> (String) s.get("step")).toList();
        assertThat(names).containsExactlyInAnyOrder("created", "confirmed", "refunds_issued", "stock_reserved",
                "orders_created", "production_completed", "escrow_released");
        assertThat(names).containsSubsequence("created", "confirmed", "stock_reserved", "orders_created",
                "production_completed", "escrow_released");
        assertThat(NoStockFlow.outcome(steps, "refunds_issued")).startsWith("3/3 refunds issued, Rp 2.250.000");
        assertThat(NoStockFlow.outcome(steps, "stock_reserved")).contains("stock on hand");
        assertThat(NoStockFlow.outcome(steps, "production_completed")).startsWith("implied");

        for (Saga.Seat seat : seats) {
            assertThat(Saga.awaitNotices(seat.user(), "customer", session, List.of("joined_payment_link",
                    "payment_received", "session_confirmed", "refund_credited", "order_created", "production_complete")))
                    .doesNotHaveDuplicates();
        }
        assertThat(Saga.awaitNotices(factory, "factory", session, List.of("session_opened", "session_confirmed_factory",
                "escrow_released"))).doesNotHaveDuplicates().doesNotContain("purchase_order");
    }

    @Test
    void noStockTheFactoryDeliversWholeBundlesAndTheExcessStaysInStock() {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        flow.awaitRefunds();
        flow.awaitPurchaseOrder();

        // receiving is the warehouse's act: neither the factory that is paid by the release nor another one may
        as(flow.factory, "factory").body(Deliveries.counted(Deliveries.ordered(flow.purchaseOrder)))
                .post(Platform.WAREHOUSE + "/api/warehouse/purchase-orders/" + flow.purchaseOrder.get("id") + "/receive")
                .then().statusCode(403).contentType("application/problem+json");
        Deliveries.receiveAs(UUID.randomUUID(), "factory", flow.purchaseOrder.get("id"),
                Deliveries.ordered(flow.purchaseOrder)).statusCode(403);
        assertThat(Saga.purchaseOrders(flow.session).getFirst().get("status")).isEqualTo("open");
        as(UUID.randomUUID(), "factory").post(Platform.GROUP_BUYING + "/api/group-buying/" + flow.session
                + "/production-complete").then().statusCode(403);

        flow.receive();
        flow.awaitStockReserved();
        Deliveries.receive(flow.purchaseOrder.get("id"), Deliveries.ordered(flow.purchaseOrder)).statusCode(409)
                .contentType("application/problem+json");

        flow.awaitOrdersAndCompleteProduction();
        flow.awaitSuccessWithExactMoney();
        flow.assertTimeline();
        flow.assertNoticesOnce();
        // stock stays where the saga left it: the excess of the bundles is available for the next session
        flow.awaitStockReserved();
    }

    /**
     * SPEC §5: each fact is accepted in whatever order it arrives. The factory marks production done while its goods are
     * still on the way (accepted, recorded once), the delivery comes short (the session keeps waiting, the shortfall
     * stays open on the purchase order), the rest comes later; the release happens once every fact exists.
     */
    @Test
    void productionDoneBeforeAShortDeliveryAndItsRestTheReleaseWaitsForEveryFact() {
        NoStockFlow flow = new NoStockFlow().open();
        flow.expire();
        flow.awaitRefunds();
        flow.awaitPurchaseOrder();

        String complete = Platform.GROUP_BUYING + "/api/group-buying/" + flow.session + "/production-complete";
        JsonPath marked = as(flow.factory, "factory").post(complete).then().statusCode(200).extract().jsonPath();
        assertThat(marked.getString("status")).isEqualTo("pending_stock");
        String at = marked.getString("fulfilment.productionCompletedAt");
        assertThat(at).isNotNull();
        // a repeat is the same answer: recorded once, nothing new published
        assertThat(as(flow.factory, "factory").post(complete).then().statusCode(200).extract().jsonPath()
                .getString("fulfilment.productionCompletedAt")).isEqualTo(at);

        // 10 of the 15 M came, and no XL: M's 12 missing units are not all there, so nothing moves on
        Map<String, Long> short1 = new java.util.LinkedHashMap<>(Deliveries.ordered(flow.purchaseOrder));
        short1.put(flow.hoodie.variant("M").toString(), 10L);
        short1.put(flow.hoodie.variant("XL").toString(), 0L);
        JsonPath partly = Deliveries.receive(flow.purchaseOrder.get("id"), short1).statusCode(200).extract().jsonPath();
        assertThat(partly.getString("status")).isEqualTo("partially_received");
        assertThat(partly.getLong("outstandingUnits")).isEqualTo(5 + 3);
        await("the short delivery on hand").atMost(Saga.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Saga.inventory(flow.hoodie.variant("M")).getLong("onHand") == 10);
        assertThat(Saga.inventory(flow.hoodie.variant("M")).getLong("reserved")).isEqualTo(10);
        assertThat(Saga.session(flow.session).getString("status")).isEqualTo("pending_stock");
        assertThat(Saga.orders(flow.session)).isEmpty();
        assertThat(Money.ledger(flow.session.toString()).getLong("released")).isZero();

        // the rest: the demand is held, the orders are made, and the escrow is released with nothing more to do
        Map<String, Long> rest = Map.of(flow.hoodie.variant("M").toString(), 5L, flow.hoodie.variant("XL").toString(), 3L);
        assertThat(Deliveries.receive(flow.purchaseOrder.get("id"), rest).statusCode(200).extract().jsonPath()
                .getString("status")).isEqualTo("received");
        flow.awaitStockReserved();
        Saga.awaitOrders(flow.session, 3);
        flow.awaitSuccessWithExactMoney();
        assertThat(Saga.session(flow.session).getString("fulfilment.productionCompletedAt")).isEqualTo(at);
        assertThat(Topics.all("laku.session", r -> flow.session.toString().equals(r.key())
                && "ProductionCompleted".equals(Topics.header(r, "eventType")))).as("production completed once").hasSize(1);
        List<Map<String, Object>> receipts = as(Deliveries.STAFF, "warehouse").get(Platform.WAREHOUSE
                + "/api/warehouse/purchase-orders/" + flow.purchaseOrder.get("id") + "/receipts").then().statusCode(200)
                .extract().jsonPath().getList("$");
        assertThat(receipts).extracting(r -> ((Number) r.get("outstandingUnits")).longValue()).containsExactly(8L, 0L);
        List<String> steps = Saga.awaitTimeline(flow.session, s -> s.stream().anyMatch(
                step -> "escrow_released".equals(step.get("step")))).stream().map(s -> (String) s.get("step")).toList();
        assertThat(steps).containsSubsequence("confirmed", "purchase_order_created", "production_completed",
                "purchase_order_received", "purchase_order_received", "stock_reserved", "orders_created",
                "escrow_released");
    }

    @Test
    void aFailedSessionRefundsEveryoneInFullAndCreatesNoOrderAndNoPurchaseOrder() {
        UUID factory = UUID.randomUUID();
        Products.Product hoodie = Products.premiumHoodie(factory);
        Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
        body.put("botAllowed", false);
        UUID session = Products.openSession(hoodie, body);
        List<Saga.Seat> seats = List.of(new Saga.Seat(UUID.randomUUID(), "M", 5), new Saga.Seat(UUID.randomUUID(), "L", 4));
        Saga.joinAndPay(hoodie, session, seats);
        UUID unpaid = UUID.randomUUID(); // joins, never pays: the seat is dropped at expiry
        Products.joinAs(unpaid, session, hoodie.variant("S"), 2);

        assertThat(Saga.expire(session)).isEqualTo("failed");

        Money.awaitWallet(seats.get(0).user(), 1_000_000);
        Money.awaitWallet(seats.get(1).user(), 800_000);
        assertThat(Saga.session(session).getString("status")).isEqualTo("failed");
        JsonPath ledger = await("full refunds booked").atMost(Saga.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Money.ledger(session.toString()), l -> l.getLong("refunded") == 1_800_000);
        assertThat(ledger.getLong("paidIn")).isEqualTo(1_800_000);
        assertThat(ledger.getLong("released")).isZero();
        assertThat(ledger.getLong("escrowBalance")).isZero();
        assertThat(ledger.getBoolean("balanced")).isTrue();

        List<Map<String, Object>> steps = Saga.awaitTimeline(session, s -> s.stream().anyMatch(
                step -> "refunds_issued".equals(step.get("step")) && step.get("at") != null));
        assertThat(steps).extracting(s -> s.get("step")).containsExactly("created", "failed", "refunds_issued");
        assertThat(NoStockFlow.outcome(steps, "refunds_issued")).startsWith("2/2 refunds issued, Rp 1.800.000");

        for (Saga.Seat seat : seats) {
            assertThat(Saga.awaitNotices(seat.user(), "customer", session, List.of("session_failed", "refund_credited")))
                    .doesNotHaveDuplicates().doesNotContain("order_created");
        }
        assertThat(Saga.awaitNotices(unpaid, "customer", session, List.of("session_failed")))
                .doesNotHaveDuplicates().doesNotContain("refund_credited");
        assertThat(Money.wallet(unpaid)).isZero();
        assertThat(Saga.awaitNotices(factory, "factory", session, List.of("session_failed_factory"))).doesNotHaveDuplicates();

        // the warehouse and order have read the failure and did nothing with it
        ConsumerRecord<String, byte[]> failed = Topics.find("laku.session", r -> session.toString().equals(r.key())
                && "SessionFailed".equals(Topics.header(r, "eventType")), Saga.DEADLINE);
        for (String service : List.of("warehouse", "order")) {
            await(service + " read the failure").atMost(Saga.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> Topics.consumedPast(service, failed));
        }
        assertThat(Saga.orders(session)).isEmpty();
        assertThat(Saga.purchaseOrders(session)).isEmpty();
        Money.assertEscrowSettled(session.toString());
    }

    private static long number(Map<String, Object> map, String key) {
        return ((Number) map.get(key)).longValue();
    }
}
