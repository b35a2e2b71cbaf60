package io.laku.seller.accounts;

/**
 * The platform's fee on a seller's sales, in basis points (1/100 of a percent) of a shipped order's total, fixed when
 * an admin verifies the seller (SPEC §8: default 500, i.e. 5%).
 */
public final class PlatformFee {

    public static final int MAX_BPS = 10_000;

    private PlatformFee() {
    }

    /** The fee the admin named, or the default; between 0 and 100%. */
    public static int bps(Integer requested, int defaultBps) {
        int bps = requested == null ? defaultBps : requested;
        if (bps < 0 || bps > MAX_BPS) {
            throw new IllegalArgumentException("feeBps must be between 0 and " + MAX_BPS + " (100%), was " + bps);
        }
        return bps;
    }
}
