package io.laku.ops.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.ops.Main;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Exit codes and messages of the command line, without a stack: bad arguments never reach Kafka. */
class MainTest {

    final ByteArrayOutputStream out = new ByteArrayOutputStream();
    final ByteArrayOutputStream err = new ByteArrayOutputStream();

    int run(String... args) {
        Environment environment = new Environment(Map.of("LAKU_OPS_SERVICES", "payment wallet",
                "KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:1"));
        return Main.run(List.of(args), environment, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void everyCommandHasHelp() {
        for (String command : List.of("audit", "dlq list", "dlq show", "dlq redrive", "replay", "lag")) {
            out.reset();
            List<String> argv = new java.util.ArrayList<>(List.of(command.split(" ")));
            argv.add("--help");
            assertThat(run(argv.toArray(String[]::new))).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("usage: ./laku events " + command).contains("exit:");
        }
    }

    @Test
    void badArgumentsExit2WithWhatToType() {
        assertThat(run("audit", "session", "not-a-uuid")).isEqualTo(2);
        assertThat(err()).contains("session id must be a UUID, not 'not-a-uuid'")
                .contains("usage: ./laku events audit session|product|user <id>");
        assertThat(run("audit", "order", "346bb52b-7cd2-436d-b374-b05a0f52771f")).isEqualTo(2);
        assertThat(run("dlq", "redrive", "--service", "payment")).isEqualTo(2);
        assertThat(err()).contains("give one of --event-id | --all");
        assertThat(run("dlq", "list", "--service", "billing")).isEqualTo(2);
        assertThat(err()).contains("unknown service 'billing' (known: payment, wallet)");
        assertThat(run("replay", "--service", "payment", "--topic", "laku.session", "--from", "2026-05-01",
                "--from-offset", "0:1")).isEqualTo(2);
        assertThat(run("frobnicate")).isEqualTo(2);
        assertThat(err()).contains("unknown command 'frobnicate'");
    }

    @Test
    void aPartThatIsDownIsNamedAndExits3() {
        assertThat(run("lag")).isEqualTo(3);
        assertThat(err()).contains("Kafka at 127.0.0.1:1 is down");
    }
}
