package io.laku.notifications.whatsapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class RetryScheduleTest {

    private final RetrySchedule defaults = new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(10), 8);

    @Test
    void delaysDoubleFromOneSecondUpToTheCap() {
        assertThat(IntStream.rangeClosed(1, 7).mapToObj(defaults::delayAfter).map(Duration::toSeconds))
                .containsExactly(1L, 2L, 4L, 8L, 10L, 10L, 10L);
    }

    @Test
    void eightSendsAtMost() {
        assertThat(defaults.mayRetry(1)).isTrue();
        assertThat(defaults.mayRetry(7)).isTrue();
        assertThat(defaults.mayRetry(8)).isFalse();
        assertThat(defaults.mayRetry(9)).isFalse();
    }

    /** With the defaults a message that always fails is failed 45 s after its first send. */
    @Test
    void totalWaitBeforeAMessageIsFailed() {
        Duration total = IntStream.rangeClosed(1, 7).mapToObj(defaults::delayAfter).reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isEqualTo(Duration.ofSeconds(45));
    }

    @Test
    void aLongCapIsReachedAndKept() {
        RetrySchedule schedule = new RetrySchedule(Duration.ofMillis(500), Duration.ofMinutes(5), 100);
        assertThat(schedule.delayAfter(1)).isEqualTo(Duration.ofMillis(500));
        assertThat(schedule.delayAfter(4)).isEqualTo(Duration.ofSeconds(4));
        assertThat(schedule.delayAfter(10)).isEqualTo(Duration.ofSeconds(256));
        assertThat(schedule.delayAfter(11)).isEqualTo(Duration.ofMinutes(5));
        assertThat(schedule.delayAfter(99)).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void nonsenseIsRefused() {
        assertThatThrownBy(() -> new RetrySchedule(Duration.ZERO, Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(2), Duration.ofSeconds(1), 3))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RetrySchedule(Duration.ofSeconds(1), Duration.ofSeconds(1), 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> defaults.delayAfter(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
