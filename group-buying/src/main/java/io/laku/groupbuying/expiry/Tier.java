package io.laku.groupbuying.expiry;

import java.util.Optional;

/** The price tiers a session can reach, by the share of its MOQ that was paid for. */
public enum Tier {
    TIER_25(25),
    TIER_50(50),
    TIER_75(75),
    TIER_100(100);

    private final int percent;

    Tier(int percent) {
        this.percent = percent;
    }

    public int percent() {
        return percent;
    }

    /** True when {@code paidUnits / targetMoq >= percent%}, in integers: {@code paidUnits * 100 >= percent * targetMoq}. */
    public boolean isReachedBy(long paidUnits, long targetMoq) {
        return Math.multiplyExact(paidUnits, 100L) >= Math.multiplyExact((long) percent, targetMoq);
    }

    /** The highest tier reached, or empty when the paid units are below 25% of the MOQ. */
    public static Optional<Tier> highestReachedBy(long paidUnits, long targetMoq) {
        Tier reached = null;
        for (Tier tier : values()) {
            if (tier.isReachedBy(paidUnits, targetMoq)) {
                reached = tier;
            }
        }
        return Optional.ofNullable(reached);
    }
}
