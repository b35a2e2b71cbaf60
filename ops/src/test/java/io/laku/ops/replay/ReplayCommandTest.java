package io.laku.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.ops.cli.Args;
import io.laku.ops.cli.UsageException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ReplayCommandTest {

    static ReplayCommand.Request request(String... argv) {
        return ReplayCommand.request(Args.parse(List.of(argv), Set.of("service", "topic", "from", "from-offset", "to"),
                Set.of("dry-run")));
    }

    @Test
    void aTimeRangeOnEveryPartition() {
        ReplayCommand.Request r = request("--service", "payment", "--topic", "laku.session", "--from",
                "2026-05-01T08:00:00Z", "--to", "2026-05-01T09:00:00Z", "--dry-run");
        assertThat(r).isEqualTo(new ReplayCommand.Request("laku.session", Instant.parse("2026-05-01T08:00:00Z"), null,
                Instant.parse("2026-05-01T09:00:00Z"), true));
        assertThat(r.body()).containsEntry("topic", "laku.session").containsEntry("from", "2026-05-01T08:00:00Z")
                .containsEntry("to", "2026-05-01T09:00:00Z").containsEntry("dryRun", true).containsEntry("fromOffset", null);
    }

    @Test
    void fromAnOffsetOnOnePartition() {
        ReplayCommand.Request r = request("--service", "wallet", "--topic", "laku.payment", "--from-offset", "2:1500");
        assertThat(r.fromOffset()).isEqualTo(new ReplayCommand.FromOffset(2, 1500));
        assertThat(r.body()).containsEntry("fromOffset", Map.of("partition", 2, "offset", 1500L)).containsEntry("dryRun", false);
    }

    @Test
    void whatIsNotARange() {
        assertThatThrownBy(() -> request("--service", "wallet", "--topic", "laku.payment")).isInstanceOf(UsageException.class)
                .hasMessage("give one of --from | --from-offset");
        assertThatThrownBy(() -> request("--service", "wallet", "--topic", "laku.payment", "--from-offset", "2"))
                .hasMessageStartingWith("--from-offset must be <partition>:<offset>");
        assertThatThrownBy(() -> request("--service", "wallet", "--topic", "laku.payment", "--from-offset", "-1:4"))
                .hasMessageStartingWith("--from-offset must be <partition>:<offset>");
        assertThatThrownBy(() -> request("--service", "wallet", "--topic", "laku.dlq.wallet", "--from", "2026-05-01"))
                .hasMessageStartingWith("--topic must be a domain topic");
        assertThatThrownBy(() -> request("--service", "wallet", "--topic", "laku.payment", "--from", "2026-05-02",
                "--to", "2026-05-01")).hasMessage("--to 2026-05-01T00:00:00Z is before --from 2026-05-02T00:00:00Z");
        assertThatThrownBy(() -> request("--topic", "laku.payment", "--from", "2026-05-02")).hasMessage("--service is required");
    }
}
