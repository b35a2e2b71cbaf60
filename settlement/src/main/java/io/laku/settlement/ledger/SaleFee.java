package io.laku.settlement.ledger;

/**
 * SPEC §8: a shipped store order credits its seller with total - fee, fee = floor(total * feeBps / 10000), feeBps from
 * the seller's verification. Whole rupiah: the platform never takes a fraction of one.
 */
public record SaleFee(long total, int feeBps, long fee, long net) {

    public static final int MAX_BPS = 10_000;

    public static SaleFee of(long total, int feeBps) {
        if (total <= 0) {
            throw new IllegalArgumentException("a shipped order's total is positive, was " + total);
        }
        if (feeBps < 0 || feeBps > MAX_BPS) {
            throw new IllegalArgumentException("feeBps must be between 0 and " + MAX_BPS + ", was " + feeBps);
        }
        long fee = Math.floorDiv(Math.multiplyExact(total, feeBps), MAX_BPS);
        return new SaleFee(total, feeBps, fee, total - fee);
    }
}
