package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    private static final Map<String, Long> DEFAULTS = Map.of("clients", 64L, "sessions", 100L);

    @Test
    void givenNumbersAndSwitchesOverrideTheDefaults() {
        BenchOptions o = BenchOptions.parse(new String[] {"--clients", "8", "--hot"}, DEFAULTS, Set.of("hot"), "u");

        assertThat(o.number("clients")).isEqualTo(8);
        assertThat(o.number("sessions")).isEqualTo(100);
        assertThat(o.flag("hot")).isTrue();
    }

    @Test
    void noArgumentsAreTheDefaults() {
        BenchOptions o = BenchOptions.parse(new String[0], DEFAULTS, Set.of("hot"), "u");

        assertThat(o.number("clients")).isEqualTo(64);
        assertThat(o.flag("hot")).isFalse();
    }

    @Test
    void anUnknownOptionIsRefusedWithTheUsage() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--clinets", "8"}, DEFAULTS, Set.of(), "bench join"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'--clinets'").hasMessageContaining("usage: bench join");
    }

    @Test
    void aNumberOptionNeedsAWholeNumber() {
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--clients", "many"}, DEFAULTS, Set.of(), "u"))
                .hasMessageContaining("--clients takes a whole number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--clients", "-1"}, DEFAULTS, Set.of(), "u"))
                .hasMessageContaining("--clients takes a whole number");
        assertThatThrownBy(() -> BenchOptions.parse(new String[] {"--clients"}, DEFAULTS, Set.of(), "u"))
                .hasMessageContaining("incomplete option '--clients'");
    }
}
