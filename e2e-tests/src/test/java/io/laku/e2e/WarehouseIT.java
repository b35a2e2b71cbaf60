package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.startsWith;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderLine;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReceivedUnits;
import io.laku.contracts.fulfilment.ReservedUnits;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.product.ConfiguredVariant;
import io.laku.contracts.product.ProductConfigured;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.VariantDemand;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The warehouse's part of the saga (SPEC §5 steps 3 and 4) against the running stack. The test plays group-buying:
 * it publishes ProductConfigured and SessionConfirmed with random ids, and reads what the warehouse publishes on
 * laku.fulfilment. Bundle composition S:2 M:5 L:4 per bundle throughout.
 */
class WarehouseIT {

    private static final Duration DEADLINE = Duration.ofSeconds(60);
    private static final String API = Platform.WAREHOUSE + "/api/warehouse";
    private static final UUID ADMIN = UUID.randomUUID();
    private static final String PROBLEM = "application/problem+json";

    /** A product configured in group-buying's place: S, M, L with 2, 5, 4 units per bundle. */
    record Shirt(UUID product, UUID factory, UUID s, UUID m, UUID l) {
        List<UUID> variants() {
            return List.of(s, m, l);
        }
    }

    /** (a) Stock on hand covers the demand: StockReserved from stock, reserved exactly, movements recorded. */
    @Test
    void stockOnHandIsReservedForTheSession() {
        Shirt shirt = configure();
        adjust(shirt.s(), 10, "opening count").statusCode(201);
        JsonPath m = adjust(shirt.m(), 20, "opening count").statusCode(201).extract().jsonPath();
        assertThat(m.getLong("onHand")).isEqualTo(20);
        assertThat(m.getLong("available")).isEqualTo(20);
        adjust(shirt.l(), 5, "opening count").statusCode(201);

        UUID session = UUID.randomUUID();
        UUID eventId = UUID.randomUUID();
        SessionEvents.publish(session.toString(), confirmed(session, shirt, 3, 12, 4), eventId);

        StockReserved reserved = fulfilmentEvent(session, StockReserved.class);
        assertThat(reserved.getFromStockOnHand()).isTrue();
        assertThat(reserved.getPurchaseOrderId()).isNull();
        assertThat(reserved.getProductId()).isEqualTo(shirt.product().toString());
        assertThat(units(reserved.getReservations(), ReservedUnits::getVariantId, ReservedUnits::getUnits))
                .containsExactlyInAnyOrderEntriesOf(Map.of(shirt.s().toString(), 3L, shirt.m().toString(), 12L,
                        shirt.l().toString(), 4L));

        assertStock(shirt.s(), 10, 3, 7);
        assertStock(shirt.m(), 20, 12, 8);
        assertStock(shirt.l(), 5, 4, 1);

        List<Map<String, Object>> movements = admin().get(API + "/inventory/" + shirt.m() + "/movements")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(movements).hasSize(2);
        Map<String, Object> reservation = movements.get(0);
        assertThat(reservation).containsEntry("kind", "reservation").containsEntry("actor", "saga")
                .containsEntry("sessionId", session.toString()).containsEntry("sourceEventId", eventId.toString());
        assertThat(((Number) reservation.get("reservedDelta")).longValue()).isEqualTo(12);
        assertThat(((Number) reservation.get("onHandDelta")).longValue()).isZero();
        assertThat(((Number) reservation.get("reservedAfter")).longValue()).isEqualTo(12);
        Map<String, Object> adjustment = movements.get(1);
        assertThat(adjustment).containsEntry("kind", "adjustment").containsEntry("actor", ADMIN.toString())
                .containsEntry("reason", "opening count");
        assertThat(((Number) adjustment.get("onHandDelta")).longValue()).isEqualTo(20);

        JsonPath fulfilment = as(shirt.factory(), "factory").get(API + "/sessions/" + session + "/fulfilment")
                .then().statusCode(200).extract().jsonPath();
        assertThat(fulfilment.getBoolean("hasStock")).isTrue();
        assertThat(fulfilment.getLong("grosirUnitsNeeded")).isZero();
        assertThat(fulfilment.getString("status")).isEqualTo("reserved");
        assertThat(fulfilment.getString("purchaseOrderId")).isNull();
        assertThat(fulfilment.getList("reservations.reserved", Long.class)).containsExactly(3L, 12L, 4L);

        // the product's factory reads its stock; another factory and a customer do not
        JsonPath own = as(shirt.factory(), "factory").queryParam("productId", shirt.product()).get(API + "/inventory")
                .then().statusCode(200).extract().jsonPath();
        assertThat(own.getLong("total")).isEqualTo(3);
        assertThat(own.getList("items.variantName")).containsExactly("S", "M", "L");
        as(shirt.factory(), "factory").get(API + "/inventory/" + shirt.m()).then().statusCode(200);
        UUID otherFactory = UUID.randomUUID();
        as(otherFactory, "factory").get(API + "/inventory/" + shirt.m()).then().statusCode(403)
                .header("Content-Type", startsWith(PROBLEM));
        as(otherFactory, "factory").queryParam("productId", shirt.product()).get(API + "/inventory").then().statusCode(403);
        assertThat(as(otherFactory, "factory").get(API + "/inventory").then().statusCode(200).extract().jsonPath()
                .getList("items.productId")).doesNotContain(shirt.product().toString());
        as(otherFactory, "factory").get(API + "/sessions/" + session + "/fulfilment").then().statusCode(403);
        as(UUID.randomUUID(), "customer").get(API + "/inventory/" + shirt.m()).then().statusCode(403);
    }

    /** (b) No stock: one purchase order in whole bundles; receiving it books the bundles and reserves the demand. */
    @Test
    void missingStockIsOrderedInWholeBundlesAndReceivedByTheWarehouseStaff() throws Exception {
        Shirt shirt = configure();
        UUID session = UUID.randomUUID();
        SessionEvents.publish(session.toString(), confirmed(session, shirt, 3, 12, 4));

        // bundles = max(ceil(3/2), ceil(12/5), ceil(4/4)) = 3 -> S 6, M 15, L 12
        PurchaseOrderCreated created = fulfilmentEvent(session, PurchaseOrderCreated.class);
        assertThat(created.getBundles()).isEqualTo(3);
        assertThat(created.getFactoryId()).isEqualTo(shirt.factory().toString());
        assertThat(created.getProductName()).isEqualTo("Kaos Polos " + shirt.product());
        assertThat(created.getPoNumber()).matches("PO-\\d{8}-[0-9A-Z]{6}");
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getVariantName).containsExactly("S", "M", "L");
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getUnitsPerBundle).containsExactly(2, 5, 4);
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getMissingUnits).containsExactly(3L, 12L, 4L);
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getOrderedUnits).containsExactly(6L, 15L, 12L);
        String poId = created.getPurchaseOrderId();
        for (UUID variant : shirt.variants()) {
            assertStock(variant, 0, 0, 0);
        }

        JsonPath po = as(shirt.factory(), "factory").get(API + "/purchase-orders/" + poId).then().statusCode(200)
                .extract().jsonPath();
        assertThat(po.getString("status")).isEqualTo("open");
        assertThat(po.getBoolean("hasStock")).isFalse();
        assertThat(po.getLong("grosirUnitsNeeded")).isEqualTo(3);
        assertThat(po.getString("sessionId")).isEqualTo(session.toString());
        assertThat(po.getList("lines.excessUnits", Long.class)).containsExactly(3L, 3L, 8L);
        JsonPath awaiting = admin().get(API + "/sessions/" + session + "/fulfilment").then().statusCode(200)
                .extract().jsonPath();
        assertThat(awaiting.getString("status")).isEqualTo("awaiting_purchase_order");
        assertThat(awaiting.getBoolean("hasStock")).isFalse();
        assertThat(awaiting.getLong("grosirUnitsNeeded")).isEqualTo(3);
        assertThat(awaiting.getString("poNumber")).isEqualTo(created.getPoNumber());
        assertThat(awaiting.getList("reservations.awaiting", Long.class)).containsExactly(3L, 12L, 4L);
        assertThat(as(shirt.factory(), "factory").get(API + "/purchase-orders").then().statusCode(200).extract()
                .jsonPath().getList("items.id")).containsExactly(poId);
        assertThat(admin().queryParam("sessionId", session).queryParam("status", "open").get(API + "/purchase-orders")
                .then().statusCode(200).extract().jsonPath().getList("items.poNumber")).containsExactly(created.getPoNumber());

        // receiving is the warehouse's act (SPEC §7): the owning factory (paid by the release), another factory and a
        // customer may not; another factory may not even see it. Nothing changes.
        Map<String, Long> all = Map.of(shirt.s().toString(), 6L, shirt.m().toString(), 15L, shirt.l().toString(), 12L);
        UUID otherFactory = UUID.randomUUID();
        as(otherFactory, "factory").get(API + "/purchase-orders/" + poId).then().statusCode(403);
        assertThat(as(otherFactory, "factory").get(API + "/purchase-orders").then().statusCode(200).extract().jsonPath()
                .getList("items")).isEmpty();
        Deliveries.receiveAs(shirt.factory(), "factory", poId, all).statusCode(403).header("Content-Type", startsWith(PROBLEM));
        Deliveries.receiveAs(otherFactory, "factory", poId, all).statusCode(403);
        Deliveries.receiveAs(UUID.randomUUID(), "customer", poId, all).statusCode(403);
        // the staff see every purchase order
        assertThat(as(Deliveries.STAFF, "warehouse").get(API + "/purchase-orders/" + poId).then().statusCode(200)
                .extract().<String>path("status")).isEqualTo("open");
        assertThat(admin().get(API + "/purchase-orders/" + poId).then().extract().<String>path("status")).isEqualTo("open");
        for (UUID variant : shirt.variants()) {
            assertStock(variant, 0, 0, 0);
        }

        // the staff count the whole delivery: bundles on hand, the demand reserved, the excess available
        JsonPath received = Deliveries.receive(poId, all).statusCode(200).extract().jsonPath();
        assertThat(received.getString("status")).isEqualTo("received");
        assertThat(received.getString("receivedBy")).isEqualTo(Deliveries.STAFF.toString());
        assertThat(received.getLong("outstandingUnits")).isZero();
        assertThat(received.getList("lines.receivedUnits", Long.class)).containsExactly(6L, 15L, 12L);
        assertStock(shirt.s(), 6, 3, 3);
        assertStock(shirt.m(), 15, 12, 3);
        assertStock(shirt.l(), 12, 4, 8);
        List<Map<String, Object>> lMovements = admin().get(API + "/inventory/" + shirt.l() + "/movements").then()
                .statusCode(200).extract().jsonPath().getList("items");
        assertThat(lMovements).extracting(mv -> mv.get("kind")).containsExactly("reservation", "purchase_order_receipt");
        assertThat(lMovements).allSatisfy(mv -> assertThat(mv).containsEntry("purchaseOrderId", poId)
                .containsEntry("actor", Deliveries.STAFF.toString()));

        PurchaseOrderReceived delivered = fulfilmentEvent(session, PurchaseOrderReceived.class);
        assertThat(delivered.getPurchaseOrderId()).isEqualTo(poId);
        assertThat(delivered.getBundles()).isEqualTo(3);
        assertThat(units(delivered.getLines(), ReceivedUnits::getVariantId, ReceivedUnits::getUnits))
                .containsExactlyInAnyOrderEntriesOf(Map.of(shirt.s().toString(), 6L, shirt.m().toString(), 15L,
                        shirt.l().toString(), 12L));
        StockReserved reserved = fulfilmentEvent(session, StockReserved.class);
        assertThat(reserved.getFromStockOnHand()).isFalse();
        assertThat(reserved.getPurchaseOrderId()).isEqualTo(poId);
        assertThat(units(reserved.getReservations(), ReservedUnits::getVariantId, ReservedUnits::getUnits))
                .containsExactlyInAnyOrderEntriesOf(Map.of(shirt.s().toString(), 3L, shirt.m().toString(), 12L,
                        shirt.l().toString(), 4L));
        JsonPath done = admin().get(API + "/sessions/" + session + "/fulfilment").then().statusCode(200)
                .extract().jsonPath();
        assertThat(done.getString("status")).isEqualTo("reserved");
        assertThat(done.getList("reservations.reserved", Long.class)).containsExactly(3L, 12L, 4L);

        // a second receipt is refused and books nothing
        Deliveries.receiveAs(ADMIN, "admin", poId, all).statusCode(409).header("Content-Type", startsWith(PROBLEM));
        Deliveries.receive(poId, Map.of(shirt.s().toString(), 1L)).statusCode(409);
        assertStock(shirt.l(), 12, 4, 8);
        assertThat(outboxCount(session, "StockReserved")).isEqualTo(1);
        assertThat(outboxCount(session, "PurchaseOrderReceived")).isEqualTo(1);
    }

    /** (b) Partial stock: what is on hand is reserved at once and only the rest is ordered, in whole bundles. */
    @Test
    void stockOnHandShrinksThePurchaseOrder() {
        Shirt shirt = configure();
        adjust(shirt.m(), 5, "returned goods").statusCode(201);
        UUID session = UUID.randomUUID();
        SessionEvents.publish(session.toString(), confirmed(session, shirt, 3, 12, 4));

        // missing S 3, M 7, L 4 -> max(ceil(3/2), ceil(7/5), ceil(4/4)) = 2 bundles -> S 4, M 10, L 8
        PurchaseOrderCreated created = fulfilmentEvent(session, PurchaseOrderCreated.class);
        assertThat(created.getBundles()).isEqualTo(2);
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getMissingUnits).containsExactly(3L, 7L, 4L);
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getOrderedUnits).containsExactly(4L, 10L, 8L);
        assertStock(shirt.m(), 5, 5, 0);
        assertStock(shirt.s(), 0, 0, 0);
        JsonPath awaiting = admin().get(API + "/sessions/" + session + "/fulfilment").then().statusCode(200)
                .extract().jsonPath();
        assertThat(awaiting.getList("reservations.reserved", Long.class)).containsExactly(0L, 5L, 0L);
        assertThat(awaiting.getLong("grosirUnitsNeeded")).isEqualTo(2);

        Deliveries.receiveAs(ADMIN, "admin", created.getPurchaseOrderId(), Map.of(shirt.s().toString(), 4L,
                shirt.m().toString(), 10L, shirt.l().toString(), 8L)).statusCode(200);
        assertStock(shirt.s(), 4, 3, 1);
        assertStock(shirt.m(), 15, 12, 3);
        assertStock(shirt.l(), 8, 4, 4);
        StockReserved reserved = fulfilmentEvent(session, StockReserved.class);
        assertThat(reserved.getPurchaseOrderId()).isEqualTo(created.getPurchaseOrderId());
    }

    /** Two receipts of one purchase order at the same moment: the order row lock lets exactly one book. */
    @Test
    void twoSimultaneousReceiptsBookOnce() throws Exception {
        Shirt shirt = configure();
        UUID session = UUID.randomUUID();
        SessionEvents.publish(session.toString(), confirmed(session, shirt, 3, 12, 4));
        String poId = fulfilmentEvent(session, PurchaseOrderCreated.class).getPurchaseOrderId();

        var pool = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            var latch = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<Integer>> receipts = List.of(
                    pool.submit(() -> {
                        latch.await();
                        return Deliveries.receive(poId, all(shirt)).extract().statusCode();
                    }),
                    pool.submit(() -> {
                        latch.await();
                        return Deliveries.receiveAs(ADMIN, "admin", poId, all(shirt)).extract().statusCode();
                    }));
            latch.countDown();
            List<Integer> statuses = new java.util.ArrayList<>();
            for (var receipt : receipts) {
                statuses.add(receipt.get(DEADLINE.toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(statuses).containsExactlyInAnyOrder(200, 409);
        } finally {
            pool.shutdownNow();
        }
        assertStock(shirt.s(), 6, 3, 3);
        assertStock(shirt.m(), 15, 12, 3);
        assertStock(shirt.l(), 12, 4, 8);
        assertThat(outboxCount(session, "PurchaseOrderReceived")).isEqualTo(1);
        assertThat(outboxCount(session, "StockReserved")).isEqualTo(1);
    }

    /**
     * Deliveries as counted: a short one books what came and reserves it for the session, the shortfall stays open on
     * the purchase order and the session waits; an over delivery is booked and recorded; once every missing unit is
     * there the demand is held (StockReserved once), and the order is received once every ordered unit is.
     */
    @Test
    void aShortDeliveryLeavesTheShortfallOpenUntilTheRestIsReceived() throws Exception {
        Shirt shirt = configure();
        UUID session = UUID.randomUUID();
        SessionEvents.publish(session.toString(), confirmed(session, shirt, 3, 12, 4));
        String poId = fulfilmentEvent(session, PurchaseOrderCreated.class).getPurchaseOrderId(); // S 6, M 15, L 12

        // short: 4 S (3 missing: covered), 10 M (12 missing: not yet), no L; "note" is kept with the receipt
        JsonPath first = as(Deliveries.STAFF, "warehouse").body(Map.of("lines", List.of(
                        Map.of("variantId", shirt.s().toString(), "units", 4), Map.of("variantId", shirt.m().toString(),
                                "units", 10)), "note", "truck 1 of 2"))
                .post(API + "/purchase-orders/" + poId + "/receive").then().statusCode(200).extract().jsonPath();
        assertThat(first.getString("status")).isEqualTo("partially_received");
        assertThat(first.getList("lines.receivedUnits", Long.class)).containsExactly(4L, 10L, 0L);
        assertThat(first.getList("lines.outstandingUnits", Long.class)).containsExactly(2L, 5L, 12L);
        assertThat(first.getLong("outstandingUnits")).isEqualTo(19);
        assertThat(first.getString("receivedAt")).isNull();
        assertStock(shirt.s(), 4, 3, 1);
        assertStock(shirt.m(), 10, 10, 0);
        assertStock(shirt.l(), 0, 0, 0);
        JsonPath waiting = admin().get(API + "/sessions/" + session + "/fulfilment").then().statusCode(200)
                .extract().jsonPath();
        assertThat(waiting.getString("status")).isEqualTo("awaiting_purchase_order");
        assertThat(admin().queryParam("status", "partially_received").queryParam("sessionId", session)
                .get(API + "/purchase-orders").then().statusCode(200).extract().jsonPath().getLong("total")).isEqualTo(1);
        PurchaseOrderReceived delivered = fulfilmentEvent(session, PurchaseOrderReceived.class);
        assertThat(delivered.getOutstandingUnits()).isEqualTo(19);
        assertThat(delivered.getReceivedBy()).isEqualTo(Deliveries.STAFF.toString());
        assertThat(units(delivered.getLines(), ReceivedUnits::getVariantId, ReceivedUnits::getUnits))
                .containsExactlyInAnyOrderEntriesOf(Map.of(shirt.s().toString(), 4L, shirt.m().toString(), 10L));
        assertThat(outboxCount(session, "StockReserved")).isZero();

        // the rest, with 2 L more than ordered: the demand is held now, the order is complete, the over delivery stock
        JsonPath second = Deliveries.receive(poId, Map.of(shirt.s().toString(), 2L, shirt.m().toString(), 5L,
                shirt.l().toString(), 14L)).statusCode(200).extract().jsonPath();
        assertThat(second.getString("status")).isEqualTo("received");
        assertThat(second.getList("lines.receivedUnits", Long.class)).containsExactly(6L, 15L, 14L);
        assertThat(second.getLong("outstandingUnits")).isZero();
        assertStock(shirt.s(), 6, 3, 3);
        assertStock(shirt.m(), 15, 12, 3);
        assertStock(shirt.l(), 14, 4, 10);
        StockReserved reserved = fulfilmentEvent(session, StockReserved.class);
        assertThat(reserved.getPurchaseOrderId()).isEqualTo(poId);
        assertThat(admin().get(API + "/sessions/" + session + "/fulfilment").then().extract().<String>path("status"))
                .isEqualTo("reserved");
        List<Map<String, Object>> receipts = admin().get(API + "/purchase-orders/" + poId + "/receipts").then()
                .statusCode(200).extract().jsonPath().getList("$");
        assertThat(receipts).hasSize(2);
        assertThat(receipts.getFirst()).containsEntry("note", "truck 1 of 2");
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> lastLines = (List<Map<String, Object>>) receipts.get(1).get("lines");
        assertThat(lastLines).filteredOn(l -> shirt.l().toString().equals(l.get("variantId")))
                .singleElement().satisfies(l -> {
                    assertThat(((Number) l.get("countedUnits")).longValue()).isEqualTo(14);
                    assertThat(((Number) l.get("overUnits")).longValue()).isEqualTo(2);
                    assertThat(((Number) l.get("reservedUnits")).longValue()).isEqualTo(4);
                });
        as(shirt.factory(), "factory").get(API + "/purchase-orders/" + poId + "/receipts").then().statusCode(200);
        as(UUID.randomUUID(), "factory").get(API + "/purchase-orders/" + poId + "/receipts").then().statusCode(403);
        assertThat(outboxCount(session, "StockReserved")).isEqualTo(1);
        assertThat(outboxCount(session, "PurchaseOrderReceived")).isEqualTo(2);
        Deliveries.receive(poId, Map.of(shirt.s().toString(), 1L)).statusCode(409);
    }

    /** A later ProductConfigured renames variants and changes bundle sizes, never stock; an older one changes nothing. */
    @Test
    void aLaterConfigurationRenamesButNeverTouchesStock() {
        Shirt shirt = configure();
        adjust(shirt.s(), 7, "opening count").statusCode(201);
        Instant later = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.MILLIS);
        Events.publish("laku.product", shirt.product().toString(), ProductConfigured.newBuilder()
                .setProductId(shirt.product().toString()).setFactoryId(shirt.factory().toString()).setName("Kaos Oversize")
                .setVariants(List.of(variant(shirt.s(), "Small", 3), variant(shirt.m(), "Medium", 5),
                        variant(shirt.l(), "Large", 4)))
                .setConfiguredAt(later).build());
        await("renamed").atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(() ->
                "Small".equals(admin().get(API + "/inventory/" + shirt.s()).then().extract().path("variantName")));
        JsonPath s = admin().get(API + "/inventory/" + shirt.s()).then().statusCode(200).extract().jsonPath();
        assertThat(s.getString("productName")).isEqualTo("Kaos Oversize");
        assertThat(s.getInt("unitsPerBundle")).isEqualTo(3);
        assertStock(shirt.s(), 7, 0, 7);

        RecordMetadata older = Events.publish("laku.product", shirt.product().toString(), ProductConfigured.newBuilder()
                .setProductId(shirt.product().toString()).setFactoryId(shirt.factory().toString()).setName("Old name")
                .setVariants(List.of(variant(shirt.s(), "Old S", 2))).setConfiguredAt(later.minusSeconds(30)).build());
        await("the warehouse consumed the older configuration").atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Topics.consumedPast("warehouse", older));
        JsonPath unchanged = admin().get(API + "/inventory/" + shirt.s()).then().statusCode(200).extract().jsonPath();
        assertThat(unchanged.getString("variantName")).isEqualTo("Small");
        assertThat(unchanged.getString("productName")).isEqualTo("Kaos Oversize");
        assertStock(shirt.s(), 7, 0, 7);
    }

    /**
     * A session can arrive before its product's configuration (two topics, no order between them): the demand is
     * enough to stock the variants and order them. A confirmed session with no units is reserved at once.
     */
    @Test
    void aSessionOfAProductNotYetConfiguredIsFulfilledFromItsDemand() {
        Shirt unknown = new Shirt(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(),
                UUID.randomUUID());
        UUID session = UUID.randomUUID();
        SessionEvents.publish(session.toString(), confirmed(session, unknown, 1, 6, 0));

        // no L in the demand and no catalogue yet: max(ceil(1/2), ceil(6/5)) = 2 bundles of S and M only
        PurchaseOrderCreated created = fulfilmentEvent(session, PurchaseOrderCreated.class);
        assertThat(created.getBundles()).isEqualTo(2);
        assertThat(created.getProductName()).isEmpty();
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getVariantName).containsExactly("S", "M");
        assertThat(created.getLines()).extracting(PurchaseOrderLine::getOrderedUnits).containsExactly(4L, 10L);
        assertStock(unknown.m(), 0, 0, 0);
        as(unknown.factory(), "factory").get(API + "/purchase-orders/" + created.getPurchaseOrderId()).then().statusCode(200);

        UUID nothing = UUID.randomUUID();
        SessionEvents.publish(nothing.toString(), confirmed(nothing, unknown, 0, 0, 0));
        StockReserved reserved = fulfilmentEvent(nothing, StockReserved.class);
        assertThat(reserved.getFromStockOnHand()).isTrue();
        assertThat(reserved.getReservations()).isEmpty();
        assertThat(admin().get(API + "/sessions/" + nothing + "/fulfilment").then().statusCode(200).extract()
                .<String>path("status")).isEqualTo("reserved");
    }

    /** (c) The same SessionConfirmed redelivered and re-published with a new event id changes nothing. */
    @Test
    void aRepeatedSessionConfirmedReservesAndOrdersOnce() throws Exception {
        Shirt stocked = configure();
        for (UUID variant : stocked.variants()) {
            adjust(variant, 20, "opening count").statusCode(201);
        }
        Shirt empty = configure();
        UUID fromStock = UUID.randomUUID();
        UUID ordered = UUID.randomUUID();
        SessionConfirmed stockFact = confirmed(fromStock, stocked, 3, 12, 4);
        SessionConfirmed orderFact = confirmed(ordered, empty, 3, 12, 4);
        SessionEvents.publish(fromStock.toString(), stockFact);
        SessionEvents.publish(ordered.toString(), orderFact);
        fulfilmentEvent(fromStock, StockReserved.class);
        fulfilmentEvent(ordered, PurchaseOrderCreated.class);

        List<RecordMetadata> repeats = new java.util.ArrayList<>();
        for (UUID session : List.of(fromStock, ordered)) {
            ConsumerRecord<String, byte[]> original = Topics.find("laku.session", r -> session.toString().equals(r.key())
                    && "SessionConfirmed".equals(Topics.header(r, "eventType")), DEADLINE);
            repeats.add(Topics.replay(original));
        }
        repeats.add(SessionEvents.publish(fromStock.toString(), stockFact));
        repeats.add(SessionEvents.publish(ordered.toString(), orderFact));
        await("the warehouse consumed the repeats").atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> repeats.stream().allMatch(r -> Topics.consumedPast("warehouse", r)));

        assertStock(stocked.s(), 20, 3, 17);
        assertStock(stocked.m(), 20, 12, 8);
        assertStock(stocked.l(), 20, 4, 16);
        assertThat(admin().get(API + "/inventory/" + stocked.m() + "/movements").then().extract().jsonPath()
                .getLong("total")).isEqualTo(2); // the opening count and one reservation
        assertThat(outboxCount(fromStock, "StockReserved")).isEqualTo(1);
        assertThat(outboxCount(ordered, "PurchaseOrderCreated")).isEqualTo(1);
        assertThat(admin().queryParam("sessionId", ordered).get(API + "/purchase-orders").then().statusCode(200)
                .extract().jsonPath().getLong("total")).isEqualTo(1);
        try (Connection db = Platform.database("warehouse");
                PreparedStatement q = db.prepareStatement("select count(*) from purchase_order where session_id = ?")) {
            q.setObject(1, ordered);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(1);
            }
        }
    }

    /** (d) Bad input on every endpoint is a 4xx problem and changes nothing; roles are enforced. */
    @Test
    void badInputIsAProblemAndChangesNothing() throws Exception {
        Shirt shirt = configure();
        adjust(shirt.m(), 5, "opening count").statusCode(201);
        UUID session = UUID.randomUUID();
        SessionEvents.publish(session.toString(), confirmed(session, shirt, 0, 4, 0));
        fulfilmentEvent(session, StockReserved.class);
        assertStock(shirt.m(), 5, 4, 1);
        String m = API + "/inventory/" + shirt.m();

        problem(admin().body(Map.of("delta", 3, "reason", " ")).post(m + "/adjustments"), 400).body("field",
                org.hamcrest.Matchers.equalTo("reason"));
        problem(admin().body(Map.of("delta", 3)).post(m + "/adjustments"), 400);
        problem(admin().body(Map.of("delta", 0, "reason", "nothing")).post(m + "/adjustments"), 400)
                .body("field", org.hamcrest.Matchers.equalTo("delta"));
        problem(admin().body(Map.of("delta", "three", "reason", "typo")).post(m + "/adjustments"), 400);
        problem(admin().body(Map.of("delta", 1.5, "reason", "half a shirt")).post(m + "/adjustments"), 400);
        problem(admin().body(Map.of("reason", "no delta")).post(m + "/adjustments"), 400);
        problem(admin().body("{\"delta\": 3, \"reason\": ").post(m + "/adjustments"), 400);
        problem(admin().body("[1, 2]").post(m + "/adjustments"), 400);
        problem(admin().body(Map.of("delta", 3, "reason", "found")).post(API + "/inventory/" + UUID.randomUUID()
                + "/adjustments"), 404);
        problem(admin().body(Map.of("delta", 3, "reason", "found")).post(API + "/inventory/not-a-uuid/adjustments"), 400);
        // 4 of the 5 units are reserved: removing 2 would leave 3 on hand for 4 reserved
        problem(admin().body(Map.of("delta", -2, "reason", "damaged")).post(m + "/adjustments"), 409)
                .body("reserved", org.hamcrest.Matchers.equalTo(4)).body("available", org.hamcrest.Matchers.equalTo(1));
        problem(admin().body(Map.of("delta", Long.MAX_VALUE, "reason", "overflow")).post(m + "/adjustments"), 409);

        problem(admin().queryParam("page", -1).get(API + "/inventory"), 400).body("field", org.hamcrest.Matchers.equalTo("page"));
        problem(admin().queryParam("size", 1000).get(API + "/inventory"), 400).body("field", org.hamcrest.Matchers.equalTo("size"));
        problem(admin().queryParam("size", "many").get(API + "/inventory"), 400);
        problem(admin().queryParam("productId", "shirt").get(API + "/inventory"), 400);
        problem(admin().queryParam("page", -1).get(m + "/movements"), 400);
        problem(admin().queryParam("size", 0).get(API + "/purchase-orders"), 400);
        problem(admin().queryParam("status", "shipped").get(API + "/purchase-orders"), 400);
        problem(admin().queryParam("sessionId", "x").get(API + "/purchase-orders"), 400);
        problem(admin().get(API + "/inventory/" + UUID.randomUUID()), 404);
        problem(admin().get(API + "/purchase-orders/" + UUID.randomUUID()), 404);
        problem(admin().body(Deliveries.counted(Map.of(shirt.m().toString(), 1L)))
                .post(API + "/purchase-orders/" + UUID.randomUUID() + "/receive"), 404);
        problem(admin().body(Deliveries.counted(Map.of(shirt.m().toString(), 1L)))
                .post(API + "/purchase-orders/PO-20261124-7F3K2A/receive"), 400);
        problem(admin().get(API + "/sessions/" + UUID.randomUUID() + "/fulfilment"), 404);
        problem(admin().get(API + "/sessions/nope/fulfilment"), 400);

        RequestSpecification customer = as(UUID.randomUUID(), "customer");
        problem(customer.get(API + "/inventory"), 403);
        problem(as(UUID.randomUUID(), "customer").body(Map.of("delta", 3, "reason", "x")).post(m + "/adjustments"), 403);
        problem(as(UUID.randomUUID(), "customer").get(API + "/purchase-orders"), 403);
        problem(as(UUID.randomUUID(), "customer").get(API + "/sessions/" + session + "/fulfilment"), 403);
        problem(as(shirt.factory(), "factory").body(Map.of("delta", 3, "reason", "x")).post(m + "/adjustments"), 403);
        problem(Platform.anonymous().get(API + "/inventory"), 401);

        // a delivery must say what was counted, per variant of the order, in whole units
        UUID other = UUID.randomUUID();
        SessionEvents.publish(other.toString(), confirmed(other, shirt, 3, 0, 0));
        String po = API + "/purchase-orders/" + fulfilmentEvent(other, PurchaseOrderCreated.class).getPurchaseOrderId()
                + "/receive";
        RequestSpecification staff = as(Deliveries.STAFF, "warehouse");
        problem(staff.post(po), 400);
        problem(as(Deliveries.STAFF, "warehouse").body(Map.of("lines", List.of())).post(po), 400)
                .body("field", org.hamcrest.Matchers.equalTo("lines"));
        problem(as(Deliveries.STAFF, "warehouse").body(Map.of("lines", List.of(Map.of("variantId", "S", "units", 1))))
                .post(po), 400).body("field", org.hamcrest.Matchers.equalTo("lines[0].variantId"));
        problem(as(Deliveries.STAFF, "warehouse").body(Deliveries.counted(Map.of(shirt.s().toString(), -1L))).post(po), 400)
                .body("field", org.hamcrest.Matchers.equalTo("lines[0].units"));
        problem(as(Deliveries.STAFF, "warehouse").body(Map.of("lines", List.of(Map.of("variantId", shirt.s().toString(),
                "units", 1.5)))).post(po), 400).body("field", org.hamcrest.Matchers.equalTo("lines[0].units"));
        problem(as(Deliveries.STAFF, "warehouse").body(Map.of("lines", List.of(Map.of("variantId", shirt.s().toString(),
                "units", 1), Map.of("variantId", shirt.s().toString(), "units", 2)))).post(po), 400);
        problem(as(Deliveries.STAFF, "warehouse").body(Deliveries.counted(Map.of(shirt.s().toString(), 0L))).post(po), 400);
        problem(as(Deliveries.STAFF, "warehouse").body(Deliveries.counted(Map.of(UUID.randomUUID().toString(), 2L)))
                .post(po), 409).body("type", org.hamcrest.Matchers.containsString("variant-not-on-purchase-order"));
        assertStock(shirt.s(), 0, 0, 0);
        // the staff adjust stock too (SPEC §7)
        as(Deliveries.STAFF, "warehouse").body(Map.of("delta", 2, "reason", "found in aisle 3"))
                .post(API + "/inventory/" + shirt.l() + "/adjustments").then().statusCode(201);
        problem(Platform.anonymous().body(Map.of("delta", 3, "reason", "x")).post(m + "/adjustments"), 401);
        problem(Platform.anonymous().post(API + "/purchase-orders/" + UUID.randomUUID() + "/receive"), 401);

        assertStock(shirt.m(), 5, 4, 1);
        assertThat(admin().get(m + "/movements").then().statusCode(200).extract().jsonPath().getLong("total"))
                .isEqualTo(2);
    }

    // ------------------------------------------------------------------ helpers

    private static Shirt configure() {
        UUID product = UUID.randomUUID();
        Shirt shirt = new Shirt(product, UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        ProductConfigured configured = ProductConfigured.newBuilder()
                .setProductId(product.toString())
                .setFactoryId(shirt.factory().toString())
                .setName("Kaos Polos " + product)
                .setVariants(List.of(variant(shirt.s(), "S", 2), variant(shirt.m(), "M", 5), variant(shirt.l(), "L", 4)))
                .setConfiguredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        Events.publish("laku.product", product.toString(), configured);
        await("the warehouse stocks the product").atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> admin().queryParam("productId", product).get(API + "/inventory").statusCode() == 200);
        JsonPath stock = admin().queryParam("productId", product).get(API + "/inventory").then().extract().jsonPath();
        assertThat(stock.getList("items.variantId")).containsExactly(shirt.s().toString(), shirt.m().toString(),
                shirt.l().toString());
        assertThat(stock.getList("items.onHand", Long.class)).containsOnly(0L);
        return shirt;
    }

    private static ConfiguredVariant variant(UUID id, String name, int unitsPerBundle) {
        return ConfiguredVariant.newBuilder().setVariantId(id.toString()).setName(name).setUnitsPerBundle(unitsPerBundle)
                .setTolerance(100).build();
    }

    private static SessionConfirmed confirmed(UUID session, Shirt shirt, long s, long m, long l) {
        List<VariantDemand> demand = new java.util.ArrayList<>();
        Map<UUID, Object[]> lines = new LinkedHashMap<>();
        lines.put(shirt.s(), new Object[] {"S", s, 2});
        lines.put(shirt.m(), new Object[] {"M", m, 5});
        lines.put(shirt.l(), new Object[] {"L", l, 4});
        lines.forEach((variant, line) -> {
            if ((long) line[1] > 0) {
                demand.add(VariantDemand.newBuilder().setVariantId(variant.toString()).setVariantName((String) line[0])
                        .setUnits((long) line[1]).setUnitsPerBundle((int) line[2]).build());
            }
        });
        return SessionConfirmed.newBuilder().setSessionId(session.toString()).setProductId(shirt.product().toString())
                .setFactoryId(shirt.factory().toString()).setTargetMoq(10).setTier(100).setGroupPrice(100_000)
                .setFinalUnitPrice(80_000).setPaidUnits(s + m + l).setBotUnits(0).setSeats(0)
                .setDemand(demand).setConfirmedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build();
    }

    private static Map<String, Long> all(Shirt shirt) {
        return Map.of(shirt.s().toString(), 6L, shirt.m().toString(), 15L, shirt.l().toString(), 12L);
    }

    private static RequestSpecification admin() {
        return as(ADMIN, "admin");
    }

    private static ValidatableResponse adjust(UUID variant, long delta, String reason) {
        return admin().body(Map.of("delta", delta, "reason", reason)).post(API + "/inventory/" + variant + "/adjustments")
                .then();
    }

    private static void assertStock(UUID variant, long onHand, long reserved, long available) {
        JsonPath stock = admin().get(API + "/inventory/" + variant).then().statusCode(200).extract().jsonPath();
        assertThat(List.of(stock.getLong("onHand"), stock.getLong("reserved"), stock.getLong("available")))
                .as("on hand, reserved, available of " + stock.getString("variantName"))
                .containsExactly(onHand, reserved, available);
    }

    private static ValidatableResponse problem(io.restassured.response.Response response, int status) {
        return response.then().statusCode(status).header("Content-Type", startsWith(PROBLEM));
    }

    private static <T extends SpecificRecord> T fulfilmentEvent(UUID session, Class<T> type) {
        ConsumerRecord<String, byte[]> record = Topics.find("laku.fulfilment", r -> session.toString().equals(r.key())
                && type.getSimpleName().equals(Topics.header(r, "eventType")), DEADLINE);
        try (AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(Map.of("apicurio.registry.url", Platform.REGISTRY,
                    "apicurio.registry.use-specific-avro-reader", true), false);
            return deserializer.deserialize(record.topic(), record.value());
        }
    }

    private static <T> Map<String, Long> units(List<T> lines, Function<T, String> variant, Function<T, Long> units) {
        return lines.stream().collect(Collectors.toMap(variant, units));
    }

    private static long outboxCount(UUID session, String eventType) throws Exception {
        try (Connection db = Platform.database("warehouse");
                PreparedStatement q = db.prepareStatement(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type = ?")) {
            q.setString(1, session.toString());
            q.setString(2, eventType);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
