package io.laku.platform.eventing;

import java.time.Duration;

/** Capped exponential backoff between attempts: first, 2 x first, 4 x first ... never more than max. */
public record Backoff(Duration first, Duration max) {

    public Backoff {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0) {
            throw new IllegalArgumentException("backoff needs 0 < first <= max, was " + first + " and " + max);
        }
    }

    /** The pause after the given failed attempt (1 for the first failure). */
    public Duration after(int failedAttempts) {
        if (failedAttempts < 1) {
            throw new IllegalArgumentException("attempts start at 1, was " + failedAttempts);
        }
        int doublings = Math.min(failedAttempts - 1, 30);
        long millis = first.toMillis() << doublings;
        return millis >= max.toMillis() || millis <= 0 ? max : Duration.ofMillis(millis);
    }
}
