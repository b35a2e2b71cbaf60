package io.laku.e2e;

import static io.laku.e2e.Platform.anonymous;
import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.product.ConfiguredVariant;
import io.laku.contracts.product.ProductConfigured;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.VariantDemand;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Orders (SPEC §5 step 5) against the running stack. The test plays group-buying's part (SessionConfirmed,
 * ProductionCompleted on laku.session, ProductConfigured on laku.product) and the warehouse's (StockReserved on
 * laku.fulfilment). Ids are random, so the other services' reactions to these events touch nothing else.
 */
class OrderIT {

    static final long GROUP_PRICE = 200_000;
    static final long FINAL_PRICE = 150_000;

    /** The seed's Test 2: three customers, 10 M, 15 M and 20 S units at 200,000, tier 25 at 150,000. */
    static final class SeedSession {
        final String sessionId = UUID.randomUUID().toString();
        final String productId = UUID.randomUUID().toString();
        final UUID factory = UUID.randomUUID();
        final String m = UUID.randomUUID().toString();
        final String s = UUID.randomUUID().toString();
        final UUID[] users = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        final UUID[] participants = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        final long[] quantities = {10, 15, 20};
        final String[] variants = {m, m, s};

        SessionEvents.Outcome confirmed() {
            return confirmed(0);
        }

        /** The outcome as group-buying publishes it: SessionConfirmed, then the three seats (named as the demand). */
        SessionEvents.Outcome confirmed(long botUnits) {
            List<SessionEvents.Seat> seats = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                seats.add(SessionEvents.confirmedParticipant(participants[i], users[i], quantities[i], GROUP_PRICE,
                        FINAL_PRICE).withVariant(variants[i]));
            }
            SessionEvents.Outcome outcome = SessionEvents.confirmed(sessionId, factory, 25, GROUP_PRICE, FINAL_PRICE, seats);
            outcome.seats().forEach(seat -> seat.setProductId(productId));
            outcome.seats().forEach(seat -> seat.setVariantName(m.equals(seat.getVariantId()) ? "M" : "S"));
            return outcome.with(SessionConfirmed.newBuilder(outcome.confirmed())
                    .setProductId(productId)
                    .setBotUnits(botUnits)
                    .setDemand(List.of(
                            VariantDemand.newBuilder().setVariantId(m).setVariantName("M").setUnits(25).setUnitsPerBundle(5).build(),
                            VariantDemand.newBuilder().setVariantId(s).setVariantName("S").setUnits(20).setUnitsPerBundle(2).build()))
                    .build());
        }

        StockReserved stockReserved() {
            return FulfilmentEvents.stockReserved(sessionId, productId, Map.of(m, 25L, s, 20L));
        }

        RecordMetadata configureProduct() {
            return Events.publish("laku.product", productId, ProductConfigured.newBuilder()
                    .setProductId(productId).setFactoryId(factory.toString()).setName("Premium Hoodie")
                    .setVariants(List.of(
                            ConfiguredVariant.newBuilder().setVariantId(m).setName("Medium").setUnitsPerBundle(5).setTolerance(50).build(),
                            ConfiguredVariant.newBuilder().setVariantId(s).setName("Small").setUnitsPerBundle(2).setTolerance(20).build()))
                    .setConfiguredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS)).build());
        }
    }

    @Test
    void confirmedThenStockReservedMakesOneOrderPerParticipantWithTheSnapshot() {
        SeedSession seed = new SeedSession();
        awaitConsumed(seed.configureProduct());

        awaitConsumed(SessionEvents.publish(seed.sessionId, seed.confirmed()));
        assertThat(OrderRecords.ofSession(seed.sessionId).getLong("total")).as("no orders before the stock is held").isZero();

        FulfilmentEvents.publish(seed.sessionId, seed.stockReserved());
        JsonPath orders = OrderRecords.awaitOrders(seed.sessionId, 3);

        assertSeedOrders(seed, orders, "Premium Hoodie", "Medium", "Small");
        assertOrdersCreatedOnce(seed, orders);
    }

    @Test
    void stockReservedBeforeTheSettlementMakesTheSameOrders() {
        SeedSession seed = new SeedSession();
        awaitConsumed(FulfilmentEvents.publish(seed.sessionId, seed.stockReserved()));
        assertThat(OrderRecords.ofSession(seed.sessionId).getLong("total")).as("no orders before the settlement").isZero();

        SessionEvents.publish(seed.sessionId, seed.confirmed());
        JsonPath orders = OrderRecords.awaitOrders(seed.sessionId, 3);

        // ProductConfigured never seen: the product is named by its id, the variants by the session's demand
        assertSeedOrders(seed, orders, seed.productId, "M", "S");
        assertOrdersCreatedOnce(seed, orders);
    }

    @Test
    void redeliveredAndRepublishedFactsChangeNothing() {
        SeedSession seed = new SeedSession();
        UUID stockEventId = UUID.randomUUID();
        UUID confirmedEventId = UUID.randomUUID();
        SessionEvents.publish(seed.sessionId, seed.confirmed(), confirmedEventId);
        FulfilmentEvents.publish(seed.sessionId, seed.stockReserved(), stockEventId);
        JsonPath first = OrderRecords.awaitOrders(seed.sessionId, 3);
        List<String> ids = first.getList("items.id", String.class);
        List<String> numbers = first.getList("items.orderNumber", String.class);
        assertOrdersCreatedOnce(seed, first);

        List<RecordMetadata> repeats = List.of(
                FulfilmentEvents.publish(seed.sessionId, seed.stockReserved(), stockEventId),   // redelivered
                FulfilmentEvents.publish(seed.sessionId, seed.stockReserved()),                 // re-published
                SessionEvents.publish(seed.sessionId, seed.confirmed(), confirmedEventId),      // redelivered
                SessionEvents.publish(seed.sessionId, seed.confirmed()));                       // re-published
        repeats.forEach(OrderIT::awaitConsumed);

        JsonPath after = OrderRecords.ofSession(seed.sessionId);
        assertThat(after.getLong("total")).isEqualTo(3);
        assertThat(after.getList("items.id", String.class)).containsExactlyElementsOf(ids);
        assertThat(after.getList("items.orderNumber", String.class)).containsExactlyElementsOf(numbers);
        assertThat(OrderRecords.outboxed(seed.sessionId)).isEqualTo(1);
        assertThat(OrderRecords.ordersCreated(seed.sessionId)).hasSize(1);
    }

    @Test
    void theBotGetsNoOrder() {
        SeedSession seed = new SeedSession();
        SessionEvents.Outcome withBot = seed.confirmed(30);
        assertThat(withBot.confirmed().getBotUnits()).isEqualTo(30);
        SessionEvents.publish(seed.sessionId, withBot);
        FulfilmentEvents.publish(seed.sessionId, FulfilmentEvents.stockReserved(seed.sessionId, seed.productId,
                Map.of(seed.m, 55L, seed.s, 20L)));

        OrderRecords.awaitOrders(seed.sessionId, 3);
        OrdersCreated created = awaitOrdersCreated(seed.sessionId);
        JsonPath orders = OrderRecords.ofSession(seed.sessionId);
        assertThat(orders.getLong("total")).isEqualTo(3);
        assertThat(orders.getList("items.userId", String.class))
                .containsExactlyInAnyOrder(seed.users[0].toString(), seed.users[1].toString(), seed.users[2].toString());
        assertThat(orders.getList("items.items.quantity.flatten()", Long.class)).containsExactlyInAnyOrder(10L, 15L, 20L);
        assertThat(created.getOrderCount()).isEqualTo(3);
        assertThat(OrderRecords.ordersPlaced(seed.sessionId)).hasSize(3);
    }

    @Test
    void eachSeesOnlyTheOrdersTheyMay() {
        SeedSession seed = new SeedSession();
        SessionEvents.publish(seed.sessionId, seed.confirmed());
        FulfilmentEvents.publish(seed.sessionId, seed.stockReserved());
        JsonPath all = OrderRecords.awaitOrders(seed.sessionId, 3);
        UUID first = seed.users[0];
        String firstsOrder = orderOf(all, first);

        // a customer sees their own orders only
        JsonPath mine = as(first, "customer").get(Platform.ORDER + "/api/orders").then().statusCode(200).extract().jsonPath();
        assertThat(mine.getLong("total")).isEqualTo(1);
        assertThat(mine.getList("items.id", String.class)).containsExactly(firstsOrder);
        assertThat(mine.getString("items[0].userId")).isEqualTo(first.toString());
        as(first, "customer").get(Platform.ORDER + "/api/orders/" + firstsOrder).then().statusCode(200);
        assertThat(as(first, "customer").queryParam("sessionId", seed.sessionId).get(Platform.ORDER + "/api/orders")
                .then().statusCode(200).extract().jsonPath().getList("items.id", String.class)).containsExactly(firstsOrder);

        // another customer may neither read it nor list someone else's orders
        problem(as(seed.users[1], "customer").get(Platform.ORDER + "/api/orders/" + firstsOrder), 403, "forbidden");
        problem(as(seed.users[1], "customer").queryParam("userId", first.toString()).get(Platform.ORDER + "/api/orders"),
                403, "forbidden");

        // the session's factory sees all of its session's orders; another factory none of them
        JsonPath factorys = as(seed.factory, "factory").get(Platform.ORDER + "/api/orders").then().statusCode(200)
                .extract().jsonPath();
        assertThat(factorys.getLong("total")).isEqualTo(3);
        as(seed.factory, "factory").get(Platform.ORDER + "/api/orders/" + firstsOrder).then().statusCode(200);
        UUID otherFactory = UUID.randomUUID();
        problem(as(otherFactory, "factory").get(Platform.ORDER + "/api/orders/" + firstsOrder), 403, "forbidden");
        assertThat(as(otherFactory, "factory").queryParam("sessionId", seed.sessionId).get(Platform.ORDER + "/api/orders")
                .then().statusCode(200).extract().jsonPath().getLong("total")).isZero();

        // an admin sees all and filters
        assertThat(admin(Map.of("sessionId", seed.sessionId)).getLong("total")).isEqualTo(3);
        JsonPath byUser = admin(Map.of("sessionId", seed.sessionId, "userId", first.toString()));
        assertThat(byUser.getList("items.id", String.class)).containsExactly(firstsOrder);
        assertThat(admin(Map.of("userId", seed.users[2].toString())).getList("items.userId", String.class))
                .containsExactly(seed.users[2].toString());
        assertThat(admin(Map.of("sessionId", seed.sessionId, "status", "created")).getLong("total")).isEqualTo(3);
        assertThat(admin(Map.of("sessionId", seed.sessionId, "status", "ready_to_ship")).getLong("total")).isZero();
        JsonPath paged = admin(Map.of("sessionId", seed.sessionId, "size", "2", "page", "1"));
        assertThat(paged.getLong("total")).isEqualTo(3);
        assertThat(paged.getList("items")).hasSize(1);
        assertThat(paged.getInt("page")).isEqualTo(1);
        assertThat(paged.getInt("size")).isEqualTo(2);
        problem(as(OrderRecords.ADMIN, "admin").get(Platform.ORDER + "/api/orders/" + UUID.randomUUID()), 404, "not-found");
    }

    @Test
    void badInputIsAProblemAndNoTokenIsUnauthorized() {
        UUID customer = UUID.randomUUID();
        String orders = Platform.ORDER + "/api/orders";
        assertThat(problem(as(customer, "customer").queryParam("page", -1).get(orders), 400, "invalid-input")
                .getString("field")).isEqualTo("page");
        assertThat(problem(as(customer, "customer").queryParam("size", 101).get(orders), 400, "invalid-input")
                .getString("field")).isEqualTo("size");
        assertThat(problem(as(customer, "customer").queryParam("size", 0).get(orders), 400, "invalid-input")
                .getString("field")).isEqualTo("size");
        assertThat(problem(as(OrderRecords.ADMIN, "admin").queryParam("status", "bogus").get(orders), 400, "invalid-input")
                .getString("field")).isEqualTo("status");
        assertThat(problem(as(OrderRecords.ADMIN, "admin").queryParam("userId", "not-a-uuid").get(orders), 400,
                "invalid-input").getString("field")).isEqualTo("userId");
        assertThat(problem(as(OrderRecords.ADMIN, "admin").queryParam("sessionId", "1-1-1-1-1").get(orders), 400,
                "invalid-input").getString("field")).isEqualTo("sessionId");
        assertThat(problem(as(customer, "customer").get(orders + "/not-a-uuid"), 400, "invalid-input")
                .getString("field")).isEqualTo("id");
        problem(anonymous().get(orders), 401, "unauthorized");
        problem(anonymous().get(orders + "/" + UUID.randomUUID()), 401, "unauthorized");
    }

    @Test
    void productionCompletedMakesTheOrdersReadyToShip() {
        SeedSession seed = new SeedSession();
        SessionEvents.publish(seed.sessionId, seed.confirmed());
        FulfilmentEvents.publish(seed.sessionId, seed.stockReserved());
        assertThat(OrderRecords.awaitOrders(seed.sessionId, 3).getList("items.status", String.class))
                .containsOnly("created");

        SessionEvents.publish(seed.sessionId, SessionEvents.productionCompleted(seed.sessionId, seed.factory));
        await("orders ready to ship").atMost(OrderRecords.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> OrderRecords.ofSession(seed.sessionId).getList("items.status", String.class),
                        statuses -> statuses.size() == 3 && statuses.stream().allMatch("ready_to_ship"::equals));

        awaitConsumed(SessionEvents.publish(seed.sessionId, SessionEvents.productionCompleted(seed.sessionId, seed.factory)));
        JsonPath after = OrderRecords.ofSession(seed.sessionId);
        assertThat(after.getLong("total")).isEqualTo(3);
        assertThat(after.getList("items.status", String.class)).containsOnly("ready_to_ship");
        assertThat(admin(Map.of("sessionId", seed.sessionId, "status", "ready_to_ship")).getLong("total")).isEqualTo(3);
    }

    @Test
    void productionCompletedBeforeTheStockLeavesTheOrdersReadyToShipWhenTheyAreMade() {
        SeedSession seed = new SeedSession();
        SessionEvents.publish(seed.sessionId, seed.confirmed());
        awaitConsumed(SessionEvents.publish(seed.sessionId, SessionEvents.productionCompleted(seed.sessionId, seed.factory)));
        FulfilmentEvents.publish(seed.sessionId, seed.stockReserved());
        assertThat(OrderRecords.awaitOrders(seed.sessionId, 3).getList("items.status", String.class))
                .containsOnly("ready_to_ship");
    }

    // ---------------------------------------------------------------- helpers

    static void assertSeedOrders(SeedSession seed, JsonPath orders, String productName, String mName, String sName) {
        assertThat(orders.getLong("total")).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            String user = seed.users[i].toString();
            Map<String, Object> order = orders.getMap("items.find { it.userId == '" + user + "' }");
            assertThat(order).as("order of customer %d (%s) in %s", i, user, orders.prettify()).isNotNull();
            assertThat(order.get("sessionId")).isEqualTo(seed.sessionId);
            assertThat(order.get("factoryId")).isEqualTo(seed.factory.toString());
            assertThat(order.get("participantId")).isEqualTo(seed.participants[i].toString());
            assertThat(order.get("status")).isEqualTo("created");
            assertThat((String) order.get("orderNumber")).matches("LK-\\d{8}-[0-9A-HJKMNP-TV-Z]{6}");
            assertThat(order.get("createdAt")).isNotNull();
        }
        String[] users = {seed.users[0].toString(), seed.users[1].toString(), seed.users[2].toString()};
        assertThat(item(orders, users[0])).containsExactly(seed.productId, productName, seed.m, mName, 10, 200_000, 150_000, 500_000, 1_500_000);
        assertThat(item(orders, users[1])).containsExactly(seed.productId, productName, seed.m, mName, 15, 200_000, 150_000, 750_000, 2_250_000);
        assertThat(item(orders, users[2])).containsExactly(seed.productId, productName, seed.s, sName, 20, 200_000, 150_000, 1_000_000, 3_000_000);
        assertThat(orders.getList("items.total", Long.class)).containsExactlyInAnyOrder(1_500_000L, 2_250_000L, 3_000_000L);
        assertThat(orders.getList("items.refund", Long.class)).containsExactlyInAnyOrder(500_000L, 750_000L, 1_000_000L);
        assertThat(orders.getList("items.orderNumber", String.class)).doesNotHaveDuplicates();
    }

    static List<Object> item(JsonPath orders, String user) {
        Map<String, Object> item = orders.getMap("items.find { it.userId == '" + user + "' }.items[0]");
        assertThat(orders.getList("items.find { it.userId == '" + user + "' }.items")).hasSize(1);
        return List.of(item.get("productId"), item.get("productName"), item.get("variantId"), item.get("variantName"),
                item.get("quantity"), item.get("paidUnitPrice"), item.get("finalUnitPrice"), item.get("refund"),
                item.get("total"));
    }

    static void assertOrdersCreatedOnce(SeedSession seed, JsonPath orders) {
        OrdersCreated created = awaitOrdersCreated(seed.sessionId);
        assertThat(created.getSessionId()).isEqualTo(seed.sessionId);
        assertThat(created.getOrderCount()).isEqualTo(3);
        List<OrderPlaced> placed = OrderRecords.ordersPlaced(seed.sessionId);
        assertThat(placed).extracting(OrderPlaced::getOrderId)
                .containsExactlyInAnyOrderElementsOf(orders.getList("items.id", String.class));
        assertThat(placed).extracting(OrderPlaced::getOrderNumber)
                .containsExactlyInAnyOrderElementsOf(orders.getList("items.orderNumber", String.class));
        for (int i = 0; i < 3; i++) {
            String participant = seed.participants[i].toString();
            OrderPlaced order = placed.stream().filter(o -> participant.equals(o.getParticipantId()))
                    .findFirst().orElseThrow();
            assertThat(order.getUserId()).isEqualTo(seed.users[i].toString());
            assertThat(order.getVariantId()).isEqualTo(seed.variants[i]);
            assertThat(order.getQuantity()).isEqualTo(seed.quantities[i]);
            assertThat(order.getFinalUnitPrice()).isEqualTo(FINAL_PRICE);
        }
        assertThat(OrderRecords.outboxed(seed.sessionId)).isEqualTo(1);
        assertThat(OrderRecords.ordersCreated(seed.sessionId)).hasSize(1);
    }

    static OrdersCreated awaitOrdersCreated(String sessionId) {
        return OrderRecords.decode(Topics.find("laku.order",
                r -> sessionId.equals(r.key()) && "OrdersCreated".equals(Topics.header(r, "eventType")),
                OrderRecords.DEADLINE).value());
    }

    static String orderOf(JsonPath orders, UUID user) {
        return orders.getString("items.find { it.userId == '" + user + "' }.id");
    }

    static JsonPath admin(Map<String, String> query) {
        return as(OrderRecords.ADMIN, "admin").queryParams(query).get(Platform.ORDER + "/api/orders")
                .then().statusCode(200).extract().jsonPath();
    }

    static JsonPath problem(Response response, int status, String type) {
        response.then().statusCode(status).contentType("application/problem+json");
        JsonPath body = response.jsonPath();
        assertThat(body.getString("type")).isEqualTo("https://laku.io/problems/" + type);
        assertThat(body.getInt("status")).isEqualTo(status);
        assertThat(body.getString("detail")).isNotBlank();
        return body;
    }

    /** Waits until the order service has consumed the record (its consumer group committed past it). */
    static void awaitConsumed(RecordMetadata written) {
        await("order consumed " + written).atMost(OrderRecords.DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> Topics.consumedPast("order", written));
    }
}
