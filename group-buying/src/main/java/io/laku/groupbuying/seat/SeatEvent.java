package io.laku.groupbuying.seat;

/** What can happen to a seat. */
public enum SeatEvent {
    PAYMENT_PAID,
    PAYMENT_EXPIRED,
    LEFT,
    /** The session expired or was cancelled. */
    SESSION_ENDED
}
