package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code ./laku events lag}, and how every command names a part of the stack that is down. */
class EventsLagIT {

    static final Set<String> SERVICES = Set.of("group-buying", "payment", "wallet", "warehouse", "order", "notifications");

    /** Polls until no service has anything left to consume, and returns that view. */
    static List<JsonNode> awaitIdle() {
        return await("every consumer group caught up").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofSeconds(1))
                .until(() -> {
                    Ops.Result lag = Ops.events("lag", "--json");
                    assertThat(lag.exit()).as(lag.toString()).isZero();
                    return lag.json();
                }, rows -> rows.stream().allMatch(r -> r.path("lag").asLong() == 0 && r.path("state").asText().equals("ok")));
    }

    @Test
    void lagIsZeroWhenTheStackIsIdle() {
        List<JsonNode> rows = awaitIdle();
        assertThat(rows.stream().map(r -> r.path("service").asText()).collect(Collectors.toSet())).containsAll(SERVICES);
        for (JsonNode row : rows) {
            assertThat(row.path("topic").asText()).startsWith("laku.").doesNotStartWith("laku.dlq.");
            assertThat(row.path("committed").asLong()).isEqualTo(row.path("end").asLong());
        }
        Ops.Result human = Ops.events("lag");
        assertThat(human.exit()).isZero();
        assertThat(human.out().lines().findFirst().orElseThrow()).startsWith("SERVICE").contains("TOPIC", "PARTITION",
                "COMMITTED", "END", "LAG", "STATE");
        assertThat(human.out()).contains("total lag: ").contains("payment 0").contains("wallet 0");
    }

    @Test
    void aPartThatIsDownIsNamedAndExits3() {
        Ops.Result kafka = Ops.eventsWith(Map.of("LAKU_KAFKA_PORT", "9"), "lag");
        assertThat(kafka.exit()).as(kafka.toString()).isEqualTo(3);
        assertThat(kafka.err()).contains("Kafka at 127.0.0.1:9 is down");

        Ops.Result service = Ops.eventsWith(Map.of("LAKU_PAYMENT_URL", "http://127.0.0.1:9"), "replay", "--service",
                "payment", "--topic", "laku.session", "--from", "2026-01-01");
        assertThat(service.exit()).as(service.toString()).isEqualTo(3);
        assertThat(service.err()).contains("payment at http://127.0.0.1:9 is not answering");

        Ops.Result registry = Ops.eventsWith(Map.of("LAKU_REGISTRY_PORT", "9"), "audit", "session",
                UUID.randomUUID().toString());
        assertThat(registry.exit()).as(registry.toString()).isZero();
        assertThat(registry.err()).contains("the schema registry at http://127.0.0.1:9/apis/registry/v3 is not answering");
    }

    @Test
    void badArgumentsExit2() {
        Ops.Result result = Ops.events("replay", "--service", "payment", "--topic", "laku.session", "--from", "soon");
        assertThat(result.exit()).isEqualTo(2);
        assertThat(result.err()).contains("--from must be an ISO-8601 instant");
        assertThat(Ops.events("lag", "--service", "billing").exit()).isEqualTo(2);
    }

    @Test
    void theOldReplayFormStillWorks() {
        Ops.Result result = Ops.laku("replay", "wallet", "laku.payment");
        assertThat(result.exit()).as(result.toString()).isIn(0, 1);
        assertThat(result.err()).contains("./laku events replay --service wallet --topic laku.payment --from 1970-01-01T00:00:00Z");
        assertThat(result.out()).contains("wallet replayed laku.payment").contains(" 0 applied,");
    }
}
