package io.laku.groupbuying.join;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LinkWaitTest {

    private static final Duration TWO_SECONDS = Duration.ofSeconds(2);
    private static final Duration TEN_SECONDS = Duration.ofSeconds(10);

    @Test
    void withoutAPreferenceTheJoinWaitsTheServicesDefault() {
        assertThat(LinkWait.of(TWO_SECONDS, TEN_SECONDS, null).duration()).isEqualTo(TWO_SECONDS);
        assertThat(LinkWait.of(TWO_SECONDS, TEN_SECONDS, "return=minimal").duration()).isEqualTo(TWO_SECONDS);
    }

    @Test
    void theClientsPreferredWaitInSecondsIsHonoured() {
        assertThat(LinkWait.of(TWO_SECONDS, TEN_SECONDS, "wait=5").duration()).isEqualTo(Duration.ofSeconds(5));
        assertThat(LinkWait.of(TWO_SECONDS, TEN_SECONDS, "respond-async, WAIT = 1").duration())
                .isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void waitZeroAnswersAtOnce() {
        LinkWait wait = LinkWait.of(TWO_SECONDS, TEN_SECONDS, "wait=0");

        assertThat(wait.none()).isTrue();
        assertThat(LinkWait.of(Duration.ZERO, TEN_SECONDS, null).none()).isTrue();
    }

    @Test
    void neverLongerThanTheServicesMaximum() {
        assertThat(LinkWait.of(TWO_SECONDS, TEN_SECONDS, "wait=3600").duration()).isEqualTo(TEN_SECONDS);
        assertThat(LinkWait.of(Duration.ofSeconds(30), TEN_SECONDS, null).duration()).isEqualTo(TEN_SECONDS);
    }

    @Test
    void aMalformedPreferenceIsTheDefault() {
        assertThat(LinkWait.of(TWO_SECONDS, TEN_SECONDS, "wait=soon").duration()).isEqualTo(TWO_SECONDS);
        assertThat(LinkWait.of(TWO_SECONDS, TEN_SECONDS, "nowait=5").duration()).isEqualTo(TWO_SECONDS);
    }
}
