package io.laku.groupbuying.seat;

import java.util.Optional;

/**
 * A seat's life (SPEC §3, §4), the one transition table every path uses: joins, payment events, leaving, the end of
 * the session, and the tally rebuild from the topics.
 *
 * <pre>
 *                      payment paid                     session failed or cancelled
 *   awaiting_payment ---------------> paid ------------------------------------> refunded
 *     |  |  |                           |  \--left----> left
 *     |  |  |                           +--session confirmed: stays paid (it is in the outcome)
 *     |  |  +--session ended (any outcome)--> dropped
 *     |  +-----left-----------> left
 *     +--payment expired (or its invoice could not be made)--> expired
 * </pre>
 *
 * A live seat (awaiting payment or paid) holds its units in the tally (SPEC §3's {@code orders[v]}); the others
 * released them. Anything else that happens to a seat changes nothing: a payment for a seat that left, a second
 * expiry, a late event after the end. Payment refunds the money of a seat that is not a paid participant of the
 * outcome in full, whatever order the events came in.
 */
public enum SeatStatus {
    AWAITING_PAYMENT("awaiting_payment"),
    PAID("paid"),
    /** Its payment expired or failed: the units were released. */
    EXPIRED("expired"),
    LEFT("left"),
    /** Still unpaid when the session ended: not part of the outcome. */
    DROPPED("dropped"),
    /** Paid, and the session failed or was cancelled: refunded in full. */
    REFUNDED("refunded");

    private final String code;

    SeatStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** What a seat in this status becomes when the event happens; empty when the event changes nothing. */
    public Optional<SeatStatus> after(SeatEvent event) {
        SeatStatus next = switch (this) {
            case AWAITING_PAYMENT -> switch (event) {
                case PAYMENT_PAID -> PAID;
                case PAYMENT_EXPIRED -> EXPIRED;
                case LEFT -> LEFT;
                case SESSION_CONFIRMED, SESSION_CALLED_OFF -> DROPPED;
            };
            case PAID -> switch (event) {
                case LEFT -> LEFT;
                case SESSION_CALLED_OFF -> REFUNDED;
                case PAYMENT_PAID, PAYMENT_EXPIRED, SESSION_CONFIRMED -> null;
            };
            case EXPIRED, LEFT, DROPPED, REFUNDED -> null;
        };
        return Optional.ofNullable(next);
    }

    /** Holds units in the tally. */
    public boolean live() {
        return this == AWAITING_PAYMENT || this == PAID;
    }

    /** Units of a seat of {@code quantity} counted as awaiting payment in the tally. */
    public long awaitingUnits(long quantity) {
        return this == AWAITING_PAYMENT ? quantity : 0;
    }

    /** Units of a seat of {@code quantity} counted as paid in the tally. */
    public long paidUnits(long quantity) {
        return this == PAID ? quantity : 0;
    }

    public static SeatStatus ofCode(String code) {
        for (SeatStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown seat status " + code);
    }
}
