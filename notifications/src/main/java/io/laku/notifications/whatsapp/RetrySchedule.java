package io.laku.notifications.whatsapp;

import java.time.Duration;

/**
 * When a failed send is tried again: the first delay doubled after each failed attempt (1 s, 2 s, 4 s...),
 * never longer than the cap, and at most {@code attempts} sends in all; then the message is failed.
 */
public record RetrySchedule(Duration firstDelay, Duration maxDelay, int attempts) {

    public RetrySchedule {
        if (firstDelay.isNegative() || firstDelay.isZero()) {
            throw new IllegalArgumentException("firstDelay must be positive");
        }
        if (maxDelay.compareTo(firstDelay) < 0) {
            throw new IllegalArgumentException("maxDelay must be >= firstDelay");
        }
        if (attempts < 1) {
            throw new IllegalArgumentException("attempts must be >= 1");
        }
    }

    /** Whether a message that has been sent {@code attemptsMade} times (all failed) may be sent again. */
    public boolean mayRetry(int attemptsMade) {
        return attemptsMade < attempts;
    }

    /** The wait after the {@code attemptsMade}-th failed attempt (1-based). */
    public Duration delayAfter(int attemptsMade) {
        if (attemptsMade < 1) {
            throw new IllegalArgumentException("attemptsMade must be >= 1");
        }
        int doublings = Math.min(attemptsMade - 1, 40); // 2^40 x any positive delay is past every sane cap
        Duration delay = firstDelay.multipliedBy(1L << doublings);
        return delay.compareTo(maxDelay) > 0 ? maxDelay : delay;
    }
}
