package io.laku.groupbuying.expiry;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TierTest {

    @Test
    void isExactWhenTheMoqIsNotDivisibleByFour() {
        // MOQ 7: 25% is 1.75 units, 50% is 3.5, 75% is 5.25
        assertThat(Tier.highestReachedBy(1, 7)).isEmpty();
        assertThat(Tier.highestReachedBy(2, 7)).contains(Tier.TIER_25);
        assertThat(Tier.highestReachedBy(3, 7)).contains(Tier.TIER_25);
        assertThat(Tier.highestReachedBy(4, 7)).contains(Tier.TIER_50);
        assertThat(Tier.highestReachedBy(5, 7)).contains(Tier.TIER_50);
        assertThat(Tier.highestReachedBy(6, 7)).contains(Tier.TIER_75);
        assertThat(Tier.highestReachedBy(7, 7)).contains(Tier.TIER_100);
    }

    @Test
    void nothingPaidReachesNoTier() {
        assertThat(Tier.highestReachedBy(0, 100)).isEqualTo(Optional.empty());
    }

    @Test
    void percents() {
        assertThat(Tier.values()).extracting(Tier::percent).containsExactly(25, 50, 75, 100);
    }
}
