package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Predicate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code ./laku events audit}: one finished session's whole story across every topic, in time order, from the real
 * command against the running stack (nothing published by the test: a flow over REST).
 */
class EventsAuditIT {

    static Products.Product hoodie;
    static UUID session;
    static List<Saga.Seat> seats;

    /** A session that succeeds from stock on hand: 10 + 15 of MOQ 100 is tier 25 (Rp 150.000 a unit). */
    @BeforeAll
    static void aFinishedSession() {
        hoodie = Products.premiumHoodie(UUID.randomUUID());
        Saga.stock(hoodie.variant("M"), 100);
        session = Products.openSession(hoodie);
        seats = List.of(new Saga.Seat(UUID.randomUUID(), "M", 10), new Saga.Seat(UUID.randomUUID(), "M", 15));
        Saga.joinAndPay(hoodie, session, seats);
        assertThat(Saga.expire(session)).isEqualTo("confirmed");
        Saga.awaitStatus(session, "success");
        Money.assertEscrowSettled(session.toString());
        Money.awaitWallet(seats.get(0).user(), 500_000);
        Money.awaitWallet(seats.get(1).user(), 750_000);
    }

    static List<JsonNode> audit(String kind, UUID id, Predicate<List<JsonNode>> complete) {
        return await("audit " + kind + " " + id).atMost(Saga.DEADLINE).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Ops.Result result = Ops.events("audit", kind, id.toString(), "--json");
                    assertThat(result.exit()).as(result.toString()).isZero();
                    return result.json();
                }, complete);
    }

    static List<String> types(List<JsonNode> events) {
        return events.stream().map(e -> e.path("type").asText()).toList();
    }

    static int first(List<JsonNode> events, String type) {
        return types(events).indexOf(type);
    }

    @Test
    void aFinishedSessionsAuditListsEverySagaStepAcrossAllTopicsInOrder() {
        List<JsonNode> events = audit("session", session, e -> types(e).contains("EscrowReleased")
                && types(e).stream().filter("WalletCredited"::equals).count() == 2);

        Map<String, Long> count = new TreeMap<>();
        types(events).forEach(t -> count.merge(t, 1L, Long::sum));
        assertThat(count).isEqualTo(new TreeMap<>(Map.ofEntries(Map.entry("SessionCreated", 1L),
                Map.entry("ParticipantJoined", 2L), Map.entry("PaymentInvoiceCreated", 2L), Map.entry("PaymentPaid", 2L),
                Map.entry("SessionConfirmed", 1L), Map.entry("SeatSettled", 2L), Map.entry("RefundIssued", 2L),
                Map.entry("WalletCredited", 2L), Map.entry("StockReserved", 1L), Map.entry("OrderPlaced", 2L),
                Map.entry("OrdersCreated", 1L), Map.entry("ProductionCompleted", 1L), Map.entry("EscrowReleased", 1L))));
        assertThat(events).extracting(e -> e.path("topic").asText()).containsOnly("laku.session", "laku.payment",
                "laku.wallet", "laku.fulfilment", "laku.order").contains("laku.wallet", "laku.fulfilment", "laku.order");

        // in time order, and the saga's causal order with it
        List<Instant> times = events.stream().map(e -> Instant.parse(e.path("time").asText())).toList();
        assertThat(times).isSorted();
        assertThat(types(events).getFirst()).isEqualTo("SessionCreated");
        assertThat(types(events).getLast()).isEqualTo("EscrowReleased");
        assertThat(types(events).subList(0, first(events, "SessionConfirmed")))
                .containsOnly("SessionCreated", "ParticipantJoined", "PaymentInvoiceCreated", "PaymentPaid").hasSize(7);
        assertThat(types(events)).containsSubsequence("SessionConfirmed", "SeatSettled", "RefundIssued", "WalletCredited");
        assertThat(types(events)).containsSubsequence("SeatSettled", "OrderPlaced", "OrdersCreated");
        assertThat(types(events)).containsSubsequence("SessionConfirmed", "StockReserved", "OrdersCreated",
                "ProductionCompleted", "EscrowReleased");

        // a session's wallet credits are keyed by user: found through its refunds
        for (JsonNode credit : events.stream().filter(e -> e.path("type").asText().equals("WalletCredited")).toList()) {
            assertThat(credit.path("via").asText()).startsWith("refund ");
            String refund = credit.path("via").asText().substring("refund ".length());
            JsonNode issued = events.stream().filter(e -> e.path("summary").asText().startsWith("refund " + refund + ":"))
                    .findFirst().orElseThrow();
            assertThat(events.indexOf(issued)).isLessThan(events.indexOf(credit));
            assertThat(credit.path("key").asText()).isIn(seats.get(0).user().toString(), seats.get(1).user().toString());
        }
        for (JsonNode e : events) {
            assertThat(UUID.fromString(e.path("eventId").asText())).isNotNull();
            assertThat(e.path("traceId").asText()).isNotBlank();
            assertThat(e.path("offset").asLong()).isNotNegative();
            if (!e.path("type").asText().equals("WalletCredited")) {
                assertThat(e.path("key").asText()).isEqualTo(session.toString());
                assertThat(e.path("via").asText()).isEqualTo("key");
            }
        }
        JsonNode released = events.getLast();
        assertThat(released.path("topic").asText()).isEqualTo("laku.payment");
        assertThat(released.path("summary").asText()).isEqualTo("Rp 3.750.000 released to factory " + hoodie.factory()
                + " (paid in Rp 5.000.000, refunded Rp 1.250.000)");
        assertThat(events.get(first(events, "SessionConfirmed")).path("summary").asText())
                .isEqualTo("confirmed at tier 25: final Rp 150.000/unit (group Rp 200.000), 25 paid + 0 bot units of MOQ 100, "
                        + "2 seats to settle");

        Ops.Result human = Ops.events("audit", "session", session.toString());
        assertThat(human.exit()).isZero();
        assertThat(human.out().lines().findFirst().orElseThrow()).startsWith("TIME").contains("TOPIC", "P@OFFSET", "TYPE",
                "KEY", "EVENT", "TRACE", "SUMMARY");
        assertThat(human.out().lines().filter(l -> l.contains("EscrowReleased"))).singleElement().asString()
                .contains("laku.payment", "id=" + released.path("eventId").asText(), "Rp 3.750.000");
        assertThat(human.err()).contains("events about session " + session);
    }

    @Test
    void aUsersAuditFindsTheEventsOfItsSessionsThatNameIt() {
        UUID user = seats.get(0).user();
        List<JsonNode> events = audit("user", user, e -> types(e).contains("WalletCredited") && types(e).contains("OrderPlaced"));
        assertThat(types(events)).containsSubsequence("ParticipantJoined", "PaymentInvoiceCreated", "PaymentPaid",
                "SeatSettled", "RefundIssued", "WalletCredited");
        assertThat(types(events)).containsSubsequence("SeatSettled", "OrderPlaced")
                .doesNotContain("SessionCreated", "SessionConfirmed", "StockReserved", "EscrowReleased");
        assertThat(types(events).stream().filter("SeatSettled"::equals)).hasSize(1);
        assertThat(events.get(first(events, "OrderPlaced")).path("summary").asText()).contains("for user " + user
                + ": 10 x M of 'Premium Hoodie' at Rp 150.000, Rp 1.500.000");
        assertThat(types(events).stream().filter("ParticipantJoined"::equals)).hasSize(1);
        JsonNode credit = events.get(first(events, "WalletCredited"));
        assertThat(credit.path("key").asText()).isEqualTo(user.toString());
        assertThat(credit.path("via").asText()).isEqualTo("key");
        assertThat(events.get(first(events, "ParticipantJoined")).path("via").asText()).isEqualTo("payload");
        assertThat(events.get(first(events, "ParticipantJoined")).path("summary").asText())
                .startsWith("user " + user + " joined: 10 x variant " + hoodie.variant("M") + " at Rp 200.000, Rp 2.000.000 due");
    }

    @Test
    void aProductsAuditHasItsConfigurationAndItsSessions() {
        List<JsonNode> events = audit("product", hoodie.id(), e -> types(e).contains("StockReserved"));
        assertThat(events.getFirst().path("type").asText()).isEqualTo("ProductConfigured");
        assertThat(events.getFirst().path("via").asText()).isEqualTo("key");
        assertThat(events.getFirst().path("summary").asText()).startsWith("product 'Premium Hoodie' of factory "
                + hoodie.factory() + ": 4 variants (S bundle 2");
        assertThat(types(events)).containsSubsequence("ProductConfigured", "SessionCreated", "SessionConfirmed", "StockReserved");
        assertThat(events.get(first(events, "SessionCreated")).path("key").asText()).isEqualTo(session.toString());
        assertThat(events.get(first(events, "SessionCreated")).path("via").asText()).isEqualTo("payload");
    }

    @Test
    void nothingAboutAnUnknownAggregateIsNoError() {
        Ops.Result result = Ops.events("audit", "session", UUID.randomUUID().toString(), "--json");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.json()).isEmpty();
        assertThat(result.err()).contains("0 events about session");
    }
}
