package io.laku.payment.ledger;

/** How much may leave a seat's escrow. Plain Java, unit-tested. */
public final class EscrowRules {

    private EscrowRules() {
    }

    /**
     * The refund that can be made now: what is asked, capped at what the seat still holds in escrow
     * (its paid amount minus what was already refunded). Never negative.
     */
    public static long refundable(long paid, long alreadyRefunded, long requested) {
        if (paid < 0 || alreadyRefunded < 0 || requested < 0) {
            throw new IllegalArgumentException("amounts are never negative");
        }
        return Math.max(0, Math.min(requested, paid - alreadyRefunded));
    }
}
