package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.laku.contracts.session.SeatOutcome;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/** Expiry: the outcome events carry exact amounts, and each session gets one outcome however often expiry runs. */
class ExpiryIT {

    private static final Duration DEADLINE = Duration.ofSeconds(45);
    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";
    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void seedTestTwoConfirmsAtTier25WithExactRefunds() throws Exception {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), unpaid = UUID.randomUUID();
        UUID pa = Products.joinAs(a, session, hoodie.variant("M"), 10);
        UUID pb = Products.joinAs(b, session, hoodie.variant("M"), 15);
        UUID pc = Products.joinAs(c, session, hoodie.variant("L"), 20);
        UUID pu = Products.joinAs(unpaid, session, hoodie.variant("S"), 4);
        PaymentEvents.paid(session, pa, a, 2_000_000);
        PaymentEvents.paid(session, pb, b, 3_000_000);
        PaymentEvents.paid(session, pc, c, 4_000_000);
        awaitPaidUnits(session, 45);

        as(ADMIN, "admin").post(API + session + "/manual-expire").then().statusCode(200)
                .body("outcome", equalTo("confirmed")).body("tier", equalTo(25)).body("finalUnitPrice", equalTo(150_000));

        SessionConfirmed confirmed = outcome(session, SessionConfirmed.class);
        assertThat(confirmed.getTier()).isEqualTo(25);
        assertThat(confirmed.getFinalUnitPrice()).isEqualTo(150_000L);
        assertThat(confirmed.getGroupPrice()).isEqualTo(200_000L);
        assertThat(confirmed.getPaidUnits()).isEqualTo(45L);
        assertThat(confirmed.getBotUnits()).isZero();
        assertThat(confirmed.getSeats()).as("3 paid seats and the unpaid one").isEqualTo(4);
        List<SeatSettled> seats = seats(session, 4);
        Map<String, Long> refunds = seats.stream().filter(s -> s.getOutcome() == SeatOutcome.CONFIRMED)
                .collect(Collectors.toMap(SeatSettled::getUserId, SeatSettled::getRefundDue));
        assertThat(refunds).containsExactlyInAnyOrderEntriesOf(Map.of(
                a.toString(), 500_000L, b.toString(), 750_000L, c.toString(), 1_000_000L));
        assertThat(seats).filteredOn(s -> s.getOutcome() == SeatOutcome.CONFIRMED).allSatisfy(p -> {
            assertThat(p.getPaidUnitPrice()).isEqualTo(200_000L);
            assertThat(p.getFinalUnitPrice()).isEqualTo(150_000L);
            assertThat(p.getTier()).isEqualTo(25);
        });
        assertThat(seats).filteredOn(s -> s.getOutcome() == SeatOutcome.DROPPED).singleElement()
                .satisfies(dropped -> {
                    assertThat(dropped.getUserId()).isEqualTo(unpaid.toString());
                    assertThat(dropped.getRefundDue()).isZero();
                });
        assertThat(seats).extracting(SeatSettled::getSeat).containsExactlyInAnyOrder(1, 2, 3, 4);
        Map<String, Long> demand = confirmed.getDemand().stream()
                .collect(Collectors.toMap(d -> d.getVariantName(), d -> d.getUnits()));
        assertThat(demand).containsExactlyInAnyOrderEntriesOf(Map.of("M", 25L, "L", 20L));

        // confirmed, or already further along: the running warehouse answers the outcome within moments
        as(ADMIN, "admin").get(API + session).then()
                .body("status", org.hamcrest.Matchers.oneOf("confirmed", "pending_stock", "moq_reached"))
                .body("tier", equalTo(25));
        as(unpaid, "customer").get(API + session + "/participants/" + pu).then().body("status", equalTo("dropped"));
        // a second expiry changes nothing
        as(ADMIN, "admin").post(API + session + "/manual-expire").then().statusCode(409);
        assertThat(outcomesInOutbox(session)).isEqualTo(1);
    }

    @Test
    void belowTwentyFivePercentTheBotLiftsTheSessionToTier25() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID a = UUID.randomUUID();
        UUID pa = Products.joinAs(a, session, hoodie.variant("M"), 10);
        PaymentEvents.paid(session, pa, a, 2_000_000);
        awaitPaidUnits(session, 10);

        as(ADMIN, "admin").post(API + session + "/manual-expire").then().statusCode(200)
                .body("outcome", equalTo("confirmed")).body("botUnits", equalTo(15));
        SessionConfirmed confirmed = outcome(session, SessionConfirmed.class);
        assertThat(confirmed.getBotUnits()).isEqualTo(15L);
        assertThat(seats(session, 1)).singleElement()
                .satisfies(p -> assertThat(p.getRefundDue()).isEqualTo(500_000L));
        // the bot's units are not demand
        assertThat(confirmed.getDemand()).singleElement().satisfies(d -> assertThat(d.getUnits()).isEqualTo(10L));
    }

    @Test
    void withoutTheBotASessionBelowTwentyFivePercentFailsAndRefundsInFull() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
        body.put("botAllowed", false);
        UUID session = Products.openSession(hoodie, body);
        UUID a = UUID.randomUUID();
        UUID pa = Products.joinAs(a, session, hoodie.variant("M"), 10);
        Products.joinAs(UUID.randomUUID(), session, hoodie.variant("S"), 2);
        PaymentEvents.paid(session, pa, a, 2_000_000);
        awaitPaidUnits(session, 10);

        as(ADMIN, "admin").post(API + session + "/manual-expire").then().statusCode(200).body("outcome", equalTo("failed"));
        SessionFailed failed = outcome(session, SessionFailed.class);
        assertThat(failed.getReason()).isEqualTo("BELOW_25_PERCENT_WITHOUT_BOT");
        assertThat(failed.getPaidUnits()).isEqualTo(10L);
        assertThat(failed.getPaidSeats()).isEqualTo(1);
        assertThat(failed.getRefundTotal()).isEqualTo(2_000_000L);
        assertThat(seats(session, 2)).filteredOn(s -> s.getOutcome() == SeatOutcome.REFUNDED).singleElement()
                .satisfies(r -> {
                    assertThat(r.getUserId()).isEqualTo(a.toString());
                    assertThat(r.getRefundDue()).isEqualTo(2_000_000L);
                });
        as(ADMIN, "admin").get(API + session).then().body("status", equalTo("failed"));
    }

    @Test
    void concurrentRunsGiveEachDueSessionExactlyOneOutcome() throws Exception {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        List<UUID> sessions = new ArrayList<>();
        Instant end = Instant.now().plusSeconds(8).truncatedTo(ChronoUnit.MILLIS);
        for (int i = 0; i < 6; i++) {
            Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
            body.put("endTime", end.toString());
            UUID session = Products.openSession(hoodie, body);
            if (i % 2 == 0) {
                Products.joinAs(UUID.randomUUID(), session, hoodie.variant("M"), 5);
            }
            sessions.add(session);
        }
        await("sessions due").atMost(DEADLINE).until(() -> Instant.now().isAfter(end.plusMillis(200)));

        String token = Platform.token(ADMIN, "admin");
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Response>> runs = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                runs.add(pool.submit(() -> {
                    start.await();
                    return Platform.anonymous().auth().oauth2(token).post(API + "process-expired");
                }));
            }
            start.countDown();
            for (Future<Response> run : runs) {
                assertThat(run.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }
        // the scheduler may have taken some first: either way, one outcome each
        await("all ended").atMost(DEADLINE).until(() -> sessions.stream().allMatch(s -> !"forming".equals(
                as(ADMIN, "admin").get(API + s).then().extract().path("status"))));
        as(ADMIN, "admin").post(API + "process-expired").then().statusCode(200);
        for (UUID session : sessions) {
            assertThat(outcomesInOutbox(session)).as("outcomes of " + session).isEqualTo(1);
            assertThat(as(ADMIN, "admin").get(API + session).then().extract().<String>path("status")).isEqualTo("failed");
        }
    }

    private static void awaitPaidUnits(UUID session, int units) {
        await("payments applied").atMost(DEADLINE).pollInterval(Duration.ofMillis(300)).until(() ->
                Integer.valueOf(units).equals(as(ADMIN, "admin").get(API + session).then().extract().path("stats.paidUnits")));
    }

    static <T extends SpecificRecord> T outcome(UUID session, Class<T> type) {
        ConsumerRecord<String, byte[]> record = Topics.find("laku.session", r -> session.toString().equals(r.key())
                && type.getSimpleName().equals(Topics.header(r, "eventType")), DEADLINE);
        try (AvroKafkaDeserializer<T> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(Map.of("apicurio.registry.url", Platform.REGISTRY,
                    "apicurio.registry.use-specific-avro-reader", true), false);
            return deserializer.deserialize(record.topic(), record.value());
        }
    }

    /** The session's SeatSettled events, once there are {@code n} of them on laku.session. */
    static List<SeatSettled> seats(UUID session, int n) {
        try (AvroKafkaDeserializer<SeatSettled> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(Map.of("apicurio.registry.url", Platform.REGISTRY,
                    "apicurio.registry.use-specific-avro-reader", true), false);
            return await(n + " seats of " + session).atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                    .until(() -> Topics.all("laku.session", r -> session.toString().equals(r.key())
                                    && "SeatSettled".equals(Topics.header(r, "eventType"))).stream()
                            .map(r -> deserializer.deserialize(r.topic(), r.value())).toList(), list -> list.size() >= n);
        }
    }

    static long outcomesInOutbox(UUID session) throws Exception {
        try (Connection db = Platform.database("group_buying");
                PreparedStatement q = db.prepareStatement("select count(*) from outbox_event where aggregate_id = ? "
                        + "and event_type in ('SessionConfirmed', 'SessionFailed', 'SessionCancelled')")) {
            q.setString(1, session.toString());
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
