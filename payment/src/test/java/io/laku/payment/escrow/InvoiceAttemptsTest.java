package io.laku.payment.escrow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.payment.escrow.InvoiceAttempts.Next.GiveUp;
import io.laku.payment.escrow.InvoiceAttempts.Next.RetryAfter;
import io.laku.platform.eventing.Backoff;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The invoice worker's schedule per row (the defaults: 8 attempts, 1 s doubled, at most 30 s apart). */
class InvoiceAttemptsTest {

    private final InvoiceAttempts schedule = new InvoiceAttempts(8,
            new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(30)));

    @Test
    void aGatewayThatDoesNotAnswerIsTriedAgainLaterAndLaterThenGivenUp() {
        assertThat(schedule.afterFailure(1, false)).isEqualTo(new RetryAfter(Duration.ofSeconds(1)));
        assertThat(schedule.afterFailure(2, false)).isEqualTo(new RetryAfter(Duration.ofSeconds(2)));
        assertThat(schedule.afterFailure(3, false)).isEqualTo(new RetryAfter(Duration.ofSeconds(4)));
        assertThat(schedule.afterFailure(4, false)).isEqualTo(new RetryAfter(Duration.ofSeconds(8)));
        assertThat(schedule.afterFailure(5, false)).isEqualTo(new RetryAfter(Duration.ofSeconds(16)));
        assertThat(schedule.afterFailure(6, false)).isEqualTo(new RetryAfter(Duration.ofSeconds(30)));
        assertThat(schedule.afterFailure(7, false)).isEqualTo(new RetryAfter(Duration.ofSeconds(30)));
        assertThat(schedule.afterFailure(8, false)).isEqualTo(new GiveUp("no answer from the gateway in 8 attempts"));
        // 1 + 2 + 4 + 8 + 16 + 30 + 30 s: an invoice the gateway never makes is given up 91 s after its first attempt
    }

    @Test
    void aRefusalIsNotTriedAgain() {
        assertThat(schedule.afterFailure(1, true)).isEqualTo(new GiveUp("the gateway refused it"));
        assertThat(schedule.afterFailure(5, true)).isEqualTo(new GiveUp("the gateway refused it"));
    }

    @Test
    void oneAttemptOnlyGivesUpAtTheFirstFailure() {
        InvoiceAttempts once = new InvoiceAttempts(1, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1)));
        assertThat(once.afterFailure(1, false)).isInstanceOf(GiveUp.class);
    }

    @Test
    void attemptsAreCountedFromOne() {
        assertThatThrownBy(() -> schedule.afterFailure(0, false)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new InvoiceAttempts(0, new Backoff(Duration.ofSeconds(1), Duration.ofSeconds(1))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
