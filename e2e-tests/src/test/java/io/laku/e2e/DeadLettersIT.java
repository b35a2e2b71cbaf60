package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.payment.RefundReason;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/** {@code ./laku events dlq list | show | redrive} on real dead letters, made the two ways an event dies. */
class DeadLettersIT {

    static final Duration DEADLINE = Duration.ofSeconds(90);

    static List<JsonNode> open(String... filter) {
        List<String> args = new java.util.ArrayList<>(List.of("dlq", "list", "--json"));
        args.addAll(List.of(filter));
        Ops.Result result = Ops.events(args.toArray(String[]::new));
        assertThat(result.exit()).as(result.toString()).isZero();
        return result.json();
    }

    static List<JsonNode> openOf(UUID eventId, String... filter) {
        return open(filter).stream().filter(l -> eventId.toString().equals(l.path("eventId").asText())).toList();
    }

    @Test
    void aPoisonRecordIsListedForEveryConsumerAndARedriveThatFailsAgainKeepsItListed() {
        // bytes that are no registry-framed Avro, under a type every consumer of laku.session applies
        UUID eventId = UUID.randomUUID();
        String session = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>("laku.session", session,
                "{\"not\":\"avro\"}".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        poison.headers().add("eventType", "SessionConfirmed".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("traceId", "e2e-poison".getBytes(StandardCharsets.UTF_8));
        RecordMetadata written = Topics.send(poison);

        Set<String> consumers = Set.of("payment", "warehouse", "order", "notifications");
        List<JsonNode> listed = await("a dead letter of " + eventId + " in " + consumers).atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1))
                .until(() -> openOf(eventId), l -> l.size() == consumers.size());
        assertThat(listed).extracting(l -> l.path("service").asText()).containsExactlyInAnyOrderElementsOf(consumers);
        for (JsonNode letter : listed) {
            assertThat(letter.path("eventType").asText()).isEqualTo("SessionConfirmed");
            assertThat(letter.path("key").asText()).isEqualTo(session);
            assertThat(letter.path("traceId").asText()).isEqualTo("e2e-poison");
            assertThat(letter.path("originalTopic").asText()).isEqualTo("laku.session");
            assertThat(letter.path("originalPartition").asInt()).isEqualTo(written.partition());
            assertThat(letter.path("originalOffset").asLong()).isEqualTo(written.offset());
            assertThat(letter.path("reason").asText()).startsWith("payload is not a registry-framed Avro record");
            assertThat(letter.path("state").asText()).isEqualTo("dead");
        }

        Ops.Result human = Ops.events("dlq", "list", "--service", "warehouse");
        assertThat(human.out().lines().findFirst().orElseThrow()).startsWith("WHEN").contains("SERVICE", "ORIGINAL", "REASON");
        assertThat(human.out().lines().filter(l -> l.contains(eventId.toString()))).singleElement().asString()
                .contains("warehouse", "laku.session " + written.partition() + "@" + written.offset(), "SessionConfirmed",
                        "payload is not a registry-framed Avro record");

        Ops.Result shown = Ops.events("dlq", "show", eventId.toString(), "--json");
        assertThat(shown.exit()).as(shown.toString()).isZero();
        assertThat(shown.json()).hasSize(4).allSatisfy(l -> {
            assertThat(l.path("payload").asText()).isEqualTo("(not a registry-framed Avro record)");
            assertThat(l.path("exceptionClass").asText()).isNotBlank();
            assertThat(l.path("dlqTopic").asText()).isEqualTo("laku.dlq." + l.path("service").asText());
        });

        Ops.Result redriven = Ops.events("dlq", "redrive", "--service", "payment", "--event-id", eventId.toString());
        assertThat(redriven.exit()).as(redriven.toString()).isEqualTo(1);
        assertThat(redriven.out().lines().filter(l -> l.contains(eventId.toString()))).singleElement().asString()
                .startsWith("failed").contains("payload is not a registry-framed Avro record");
        assertThat(redriven.out()).contains("payment: 1 redriven: 0 applied, 0 already applied, 0 skipped, 1 failed");

        List<JsonNode> still = openOf(eventId, "--service", "payment");
        assertThat(still).singleElement().satisfies(l -> {
            assertThat(l.path("state").asText()).isEqualTo("redrive failed");
            assertThat(l.path("reason").asText()).startsWith("payload is not a registry-framed Avro record");
            assertThat(l.path("lastRedriveAt").asText()).isNotBlank();
        });
        assertThat(openOf(eventId)).hasSize(4);
    }

    @Test
    void anEventDeadLetteredForACauseThatIsThenRemovedIsRedrivenAndAppliedOnce() throws Exception {
        // The cause: a rule in the wallet's database that refuses this user's credits, as a too strict migration
        // would (a CHECK constraint: the consumer sees the same refusal three times and dead-letters the event).
        UUID user = UUID.randomUUID();
        String rule = "e2e_hold_" + user.toString().substring(0, 8);
        sql("wallet", "alter table wallet_transaction add constraint " + rule + " check (user_id <> '" + user + "') not valid");
        UUID eventId = UUID.randomUUID();
        String refundId = UUID.randomUUID().toString();
        try {
            RefundIssued refund = RefundIssued.newBuilder().setSessionId(UUID.randomUUID().toString()).setRefundId(refundId)
                    .setPaymentId(UUID.randomUUID().toString()).setParticipantId(UUID.randomUUID().toString())
                    .setUserId(user.toString()).setAmount(123_456).setReason(RefundReason.PARTICIPANT_LEFT)
                    .setIssuedAt(Instant.now()).build();
            RecordMetadata written = Events.publish("laku.payment", refund.getSessionId(), refund, eventId);

            JsonNode letter = await("wallet dead-letters " + eventId).atMost(DEADLINE).pollInterval(Duration.ofSeconds(1))
                    .until(() -> openOf(eventId, "--service", "wallet"), l -> l.size() == 1).getFirst();
            assertThat(letter.path("reason").asText()).contains("failed 3 times in a row").contains(rule);
            assertThat(letter.path("originalOffset").asLong()).isEqualTo(written.offset());
            assertThat(credits(user)).isZero();
        } finally {
            sql("wallet", "alter table wallet_transaction drop constraint if exists " + rule);
        }

        Ops.Result redriven = Ops.events("dlq", "redrive", "--service", "wallet", "--event-id", eventId.toString(), "--json");
        assertThat(redriven.exit()).as(redriven.toString()).isZero();
        assertThat(redriven.json().getFirst().path("outcome").asText()).isEqualTo("applied");
        assertThat(redriven.json().getLast().path("applied").asInt()).isEqualTo(1);
        assertThat(Money.wallet(user)).isEqualTo(123_456);
        assertThat(credits(user)).isEqualTo(1);
        assertThat(openOf(eventId, "--service", "wallet")).isEmpty();

        // once: a second redrive has nothing to do, and the event replayed from its topic is already applied
        Ops.Result again = Ops.events("dlq", "redrive", "--service", "wallet", "--event-id", eventId.toString());
        assertThat(again.exit()).isEqualTo(1);
        assertThat(again.err()).contains("was already redriven");
        JsonNode shown = Ops.events("dlq", "show", eventId.toString(), "--json").json().getFirst();
        assertThat(shown.path("state").asText()).isEqualTo("redriven: applied");
        Ops.Result replay = Ops.events("replay", "--service", "wallet", "--topic", "laku.payment", "--from-offset",
                shown.path("originalPartition").asInt() + ":" + shown.path("originalOffset").asLong(), "--json");
        assertThat(replay.exit()).as(replay.toString()).isZero();
        assertThat(replay.json().getLast().path("applied").asLong()).isZero();
        assertThat(replay.json().getLast().path("alreadyApplied").asLong()).isPositive();
        assertThat(Money.wallet(user)).isEqualTo(123_456);
        assertThat(credits(user)).isEqualTo(1);
    }

    @Test
    void aPoisonRefundAmongARunIsDeadLetteredAloneAndTheOthersAreCreditedOnce() throws Exception {
        // The wallet credits payment's refunds a run at a time (a session's end is thousands of them). One refund its
        // database refuses every time must not take the run with it: the run is applied one by one, the refused one
        // dead-lettered, the others credited once.
        String session = UUID.randomUUID().toString();
        List<UUID> users = new ArrayList<>();
        List<UUID> eventIds = new ArrayList<>();
        List<RefundIssued> refunds = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            UUID user = UUID.randomUUID();
            users.add(user);
            eventIds.add(UUID.randomUUID());
            refunds.add(RefundIssued.newBuilder().setSessionId(session).setRefundId(UUID.randomUUID().toString())
                    .setPaymentId(UUID.randomUUID().toString()).setParticipantId(UUID.randomUUID().toString())
                    .setUserId(user.toString()).setAmount(50_000 + i).setReason(RefundReason.TIER)
                    .setIssuedAt(Instant.now()).build());
        }
        UUID refused = users.get(2);
        String rule = "e2e_hold_" + refused.toString().substring(0, 8);
        sql("wallet", "alter table wallet_transaction add constraint " + rule + " check (user_id <> '" + refused
                + "') not valid");
        try {
            Events.publishAll("laku.payment", session, refunds, eventIds);

            JsonNode letter = await("wallet dead-letters the refused refund").atMost(DEADLINE)
                    .pollInterval(Duration.ofSeconds(1))
                    .until(() -> openOf(eventIds.get(2), "--service", "wallet"), l -> l.size() == 1).getFirst();
            assertThat(letter.path("reason").asText()).contains("failed 3 times in a row").contains(rule);
            for (int i = 0; i < users.size(); i++) {
                if (i != 2) {
                    assertThat(Money.awaitWallet(users.get(i), 50_000 + i)).isEqualTo(50_000 + i);
                    assertThat(credits(users.get(i))).isEqualTo(1);
                    assertThat(openOf(eventIds.get(i), "--service", "wallet")).isEmpty();
                }
            }
            assertThat(credits(refused)).isZero();
        } finally {
            sql("wallet", "alter table wallet_transaction drop constraint if exists " + rule);
        }
        // its cause removed, the dead letter is redriven and credited once (and no later replay finds it unapplied)
        Ops.Result redriven = Ops.events("dlq", "redrive", "--service", "wallet", "--event-id", eventIds.get(2).toString(),
                "--json");
        assertThat(redriven.exit()).as(redriven.toString()).isZero();
        assertThat(Money.wallet(refused)).isEqualTo(50_002);
        assertThat(credits(refused)).isEqualTo(1);

        // the same run delivered again (a replay): every credit is already applied, nothing moves twice
        Events.publishAll("laku.payment", session, refunds.subList(3, 6), eventIds.subList(3, 6));
        Events.publishAll("laku.payment", session, refunds.subList(3, 6),
                List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID())); // re-announced under new ids
        UUID marker = UUID.randomUUID();
        Events.publish("laku.payment", session, RefundIssued.newBuilder(refunds.getFirst()).setUserId(marker.toString())
                .setRefundId(UUID.randomUUID().toString()).setAmount(7).build());
        Money.awaitWallet(marker, 7); // everything published before it on the partition has been applied
        for (int i = 3; i < 6; i++) {
            assertThat(Money.wallet(users.get(i))).isEqualTo(50_000 + i);
            assertThat(credits(users.get(i))).isEqualTo(1);
        }
    }

    static long credits(UUID user) throws Exception {
        try (Connection db = Platform.database("wallet"); Statement st = db.createStatement();
                ResultSet rs = st.executeQuery("select count(*) from wallet_transaction where user_id = '" + user + "'")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static void sql(String service, String statement) throws Exception {
        try (Connection db = Platform.database(service); Statement st = db.createStatement()) {
            st.execute(statement);
        }
    }

}
