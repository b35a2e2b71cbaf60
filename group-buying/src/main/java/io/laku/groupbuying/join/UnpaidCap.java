package io.laku.groupbuying.join;

/**
 * How many units one customer may hold unpaid (awaiting payment) in one session, so that nobody can lock a variant
 * with seats they never pay (an unpaid seat holds its units for the invoice's 24 h). The session may set the cap when
 * it opens; otherwise it is the larger of a share of the MOQ (10 % by default, rounded up) and one bundle of the
 * variant being joined. A join is refused when the customer's unpaid units plus the requested ones pass the cap;
 * paying (or letting the invoice expire, or leaving) makes room again.
 *
 * @param units what the customer may hold unpaid
 * @param basis how it was set, for the refusal's message
 */
public record UnpaidCap(long units, String basis) {

    /**
     * @param targetMoq      the session's MOQ
     * @param percentOfMoq   the share of the MOQ the default allows (configuration)
     * @param unitsPerBundle one bundle of the variant joined (null when the product has no grosir config)
     * @param sessionCap     the cap the session opened with (null: the default)
     */
    public static UnpaidCap of(int targetMoq, int percentOfMoq, Integer unitsPerBundle, Integer sessionCap) {
        if (sessionCap != null) {
            return new UnpaidCap(sessionCap, "set by the session");
        }
        long share = Math.max(1, ceilDiv((long) targetMoq * percentOfMoq, 100));
        if (unitsPerBundle != null && unitsPerBundle > share) {
            return new UnpaidCap(unitsPerBundle, "one bundle of the variant");
        }
        return new UnpaidCap(share, percentOfMoq + " % of the MOQ " + targetMoq);
    }

    /** May a customer who holds {@code unpaid} units take {@code requested} more? */
    public boolean allows(long unpaid, long requested) {
        return unpaid + requested <= units;
    }

    private static long ceilDiv(long a, long b) {
        return (a + b - 1) / b;
    }
}
