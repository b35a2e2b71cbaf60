package io.laku.payment.escrow;

import io.laku.platform.eventing.Backoff;
import java.time.Duration;

/**
 * When the invoice worker tries a seat's gateway call again (opening its invoice, or expiring it once the seat ended):
 * after a failed attempt, the next one waits the backoff (first delay, doubled after each failure, capped), and after
 * {@code attempts} failed attempts, or at once when the gateway refused the request for what it is, the worker gives
 * up: an invoice that cannot be made is {@code invoice_failed} and the seat is released. Plain Java, unit-tested.
 */
public record InvoiceAttempts(int attempts, Backoff backoff) {

    public InvoiceAttempts {
        if (attempts < 1) {
            throw new IllegalArgumentException("at least one attempt, was " + attempts);
        }
    }

    /** What follows a failed attempt. */
    public sealed interface Next {
        /** Try again once the delay has passed. */
        record RetryAfter(Duration delay) implements Next {
        }

        /** Stop trying: why, in words for the log and the payment row. */
        record GiveUp(String why) implements Next {
        }
    }

    /**
     * @param attemptsMade the attempts made so far, this failed one included (1 after the first)
     * @param refused the gateway refused the request itself (a 4xx that no retry changes)
     */
    public Next afterFailure(int attemptsMade, boolean refused) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attempts start at 1, was " + attemptsMade);
        }
        if (refused) {
            return new Next.GiveUp("the gateway refused it");
        }
        if (attemptsMade >= attempts) {
            return new Next.GiveUp("no answer from the gateway in " + attemptsMade + " attempts");
        }
        return new Next.RetryAfter(backoff.after(attemptsMade));
    }
}
