package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code ./laku events replay} of every topic each service consumes, over a whole finished saga: everything already
 * applied, no balance, ledger entry, order, stock or notice changed, and no consumer group's offsets moved. The
 * replay starts where the saga did, not at the topics' first records: other tests (RetentionIT) purge inbox rows with
 * a retention of seconds, which in production is longer than the topics keep records.
 */
class EventsReplayIT {

    /** What each service consumes (its channels' topics). */
    static final Map<String, List<String>> CONSUMES = Map.of(
            "group-buying", List.of("laku.payment", "laku.fulfilment", "laku.order"),
            "payment", List.of("laku.session", "laku.order"),
            "wallet", List.of("laku.payment"),
            "warehouse", List.of("laku.product", "laku.session"),
            "order", List.of("laku.session", "laku.fulfilment", "laku.product"),
            "notifications", List.of("laku.session", "laku.payment", "laku.wallet", "laku.fulfilment", "laku.order"));

    static final Map<String, List<String>> STATE = Map.of(
            "wallet", List.of("select count(*), coalesce(sum(balance), 0) from wallet",
                    "select count(*), coalesce(sum(amount), 0) from wallet_transaction"),
            "payment", List.of("select count(*), coalesce(sum(amount), 0) from ledger_entry",
                    "select count(*), count(distinct status) from payment"),
            "order", List.of("select count(*), coalesce(sum(total), 0) from customer_order", "select count(*), 0 from order_item"),
            "warehouse", List.of("select coalesce(sum(on_hand), 0), coalesce(sum(reserved), 0) from inventory",
                    "select count(*), 0 from purchase_order", "select count(*), 0 from stock_movement"),
            "notifications", List.of("select count(*), 0 from notification", "select count(*), 0 from whatsapp_message"),
            "group-buying", List.of("select count(*), count(distinct status) from group_buying_session",
                    "select count(*), 0 from session_timeline"));

    @Test
    void replayingAWholeSagaReportsEverythingAlreadyAppliedAndChangesNothing() throws Exception {
        String since = Instant.now().minusSeconds(1).toString();
        // a whole flow first, so that every topic has records of a finished saga
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        Saga.stock(hoodie.variant("L"), 40);
        UUID session = Products.openSession(hoodie);
        List<Saga.Seat> seats = List.of(new Saga.Seat(UUID.randomUUID(), "L", 12), new Saga.Seat(UUID.randomUUID(), "L", 16));
        Saga.joinAndPay(hoodie, session, seats);
        assertThat(Saga.expire(session)).isEqualTo("confirmed");
        Saga.awaitStatus(session, "success");
        Money.assertEscrowSettled(session.toString());
        EventsLagIT.awaitIdle();

        Map<String, String> before = state();
        Map<String, Long> offsetsBefore = committedOffsets();
        Map<String, Set<String>> deadEventIds = deadEventIds();

        for (var service : CONSUMES.entrySet()) {
            for (String topic : service.getValue()) {
                Ops.Result result = Ops.events("replay", "--service", service.getKey(), "--topic", topic, "--from",
                        since, "--json");
                JsonNode totals = result.json().getLast();
                String what = service.getKey() + " " + topic + ": " + result;
                assertThat(totals.path("applied").asLong()).as(what).isZero();
                assertThat(totals.path("read").asLong()).as(what).isPositive()
                        .isEqualTo(totals.path("alreadyApplied").asLong() + totals.path("skipped").asLong()
                                + totals.path("failed").asLong());
                // what fails is what failed before: the service's own dead letters (poison published by other tests)
                List<JsonNode> failures = result.json().subList(0, result.json().size() - 1);
                assertThat(failures).extracting(f -> f.path("eventId").asText())
                        .allMatch(id -> deadEventIds.getOrDefault(service.getKey(), Set.of()).contains(id), what);
                assertThat(result.exit()).as(what).isEqualTo(failures.isEmpty() ? 0 : 1);
            }
        }
        Ops.Result dry = Ops.events("replay", "--service", "payment", "--topic", "laku.session", "--from", since,
                "--dry-run");
        assertThat(dry.out()).contains("payment would replay laku.session").contains(" 0 to apply,");

        assertThat(state()).isEqualTo(before);
        assertThat(committedOffsets()).isEqualTo(offsetsBefore);
        assertThat(Money.wallet(seats.get(0).user())).isEqualTo(600_000);
        assertThat(Money.wallet(seats.get(1).user())).isEqualTo(800_000);
        assertThat(Saga.awaitOrders(session, 2)).hasSize(2);
    }

    @Test
    void aTimeRangeReplaysOnlyThatRange() {
        Ops.Result result = Ops.events("replay", "--service", "wallet", "--topic", "laku.payment", "--from",
                "2000-01-01T00:00:00Z", "--to", "2000-01-02T00:00:00Z", "--json");
        assertThat(result.exit()).as(result.toString()).isZero();
        assertThat(result.json().getLast().path("read").asLong()).isZero();
    }

    @Test
    void aTopicTheServiceDoesNotConsumeIsRefused() {
        Ops.Result result = Ops.events("replay", "--service", "wallet", "--topic", "laku.session", "--from", "2026-01-01");
        assertThat(result.exit()).as(result.toString()).isEqualTo(1);
        assertThat(result.err()).contains("wallet answered 400").contains("wallet does not consume laku.session");
    }

    static Map<String, String> state() throws Exception {
        Map<String, String> state = new LinkedHashMap<>();
        for (var service : STATE.entrySet()) {
            try (Connection db = Platform.database(service.getKey().replace('-', '_')); Statement st = db.createStatement()) {
                for (String sql : service.getValue()) {
                    try (ResultSet rs = st.executeQuery(sql)) {
                        rs.next();
                        state.put(service.getKey() + ": " + sql, rs.getString(1) + "/" + rs.getString(2));
                    }
                }
            }
        }
        return state;
    }

    static Map<String, Long> committedOffsets() {
        Ops.Result lag = Ops.events("lag", "--json");
        assertThat(lag.exit()).as(lag.toString()).isZero();
        return lag.json().stream().collect(Collectors.toMap(
                l -> l.path("service").asText() + " " + l.path("topic").asText() + "-" + l.path("partition").asInt(),
                l -> l.path("committed").asLong()));
    }

    static Map<String, Set<String>> deadEventIds() {
        Ops.Result dead = Ops.events("dlq", "list", "--json");
        return dead.json().stream().collect(Collectors.groupingBy(l -> l.path("service").asText(),
                Collectors.mapping(l -> l.path("eventId").asText(), Collectors.toSet())));
    }

}
