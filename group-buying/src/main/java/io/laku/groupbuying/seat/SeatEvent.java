package io.laku.groupbuying.seat;

/** What can happen to a seat. */
public enum SeatEvent {
    PAYMENT_PAID,
    /** Its invoice expired, or could not be made. */
    PAYMENT_EXPIRED,
    LEFT,
    /** The session ended at a tier: paid seats are its outcome. */
    SESSION_CONFIRMED,
    /** The session failed or was cancelled: every paid seat is refunded in full. */
    SESSION_CALLED_OFF
}
