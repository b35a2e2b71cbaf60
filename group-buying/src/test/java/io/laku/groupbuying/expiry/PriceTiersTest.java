package io.laku.groupbuying.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class PriceTiersTest {

    @Test
    void theSeedPricesAreValid() {
        PriceTiers prices = new PriceTiers(200_000, 150_000, 135_000, 120_000, 105_000);

        assertThat(prices.priceOf(Tier.TIER_25)).isEqualTo(150_000);
        assertThat(prices.priceOf(Tier.TIER_50)).isEqualTo(135_000);
        assertThat(prices.priceOf(Tier.TIER_75)).isEqualTo(120_000);
        assertThat(prices.priceOf(Tier.TIER_100)).isEqualTo(105_000);
    }

    @Test
    void equalNeighboursAreAllowed() {
        assertThat(new PriceTiers(100_000, 100_000, 100_000, 100_000, 100_000).priceOf(Tier.TIER_100)).isEqualTo(100_000);
    }

    @Test
    void everyPriceMustBePositive() {
        assertThat(violationsOf(0, 150_000, 135_000, 120_000, 105_000))
                .containsExactly(new InvalidPriceTiersException.Violation("groupPrice", "groupPrice must be > 0, was 0"));
        assertThat(violationsOf(200_000, -1, 135_000, 120_000, 105_000))
                .containsExactly(new InvalidPriceTiersException.Violation("priceTier25", "priceTier25 must be > 0, was -1"));
        assertThat(violationsOf(200_000, 150_000, 0, 120_000, 105_000))
                .containsExactly(new InvalidPriceTiersException.Violation("priceTier50", "priceTier50 must be > 0, was 0"));
        assertThat(violationsOf(200_000, 150_000, 135_000, 0, 105_000))
                .containsExactly(new InvalidPriceTiersException.Violation("priceTier75", "priceTier75 must be > 0, was 0"));
        assertThat(violationsOf(200_000, 150_000, 135_000, 120_000, 0))
                .containsExactly(new InvalidPriceTiersException.Violation("priceTier100", "priceTier100 must be > 0, was 0"));
    }

    @Test
    void eachTierMustNotCostMoreThanTheOneBefore() {
        assertThat(violationsOf(200_000, 210_000, 135_000, 120_000, 105_000)).containsExactly(
                new InvalidPriceTiersException.Violation("priceTier25", "priceTier25 (210000) must be <= groupPrice (200000)"));
        assertThat(violationsOf(200_000, 150_000, 160_000, 120_000, 105_000)).containsExactly(
                new InvalidPriceTiersException.Violation("priceTier50", "priceTier50 (160000) must be <= priceTier25 (150000)"));
        assertThat(violationsOf(200_000, 150_000, 135_000, 140_000, 105_000)).containsExactly(
                new InvalidPriceTiersException.Violation("priceTier75", "priceTier75 (140000) must be <= priceTier50 (135000)"));
        assertThat(violationsOf(200_000, 150_000, 135_000, 120_000, 125_000)).containsExactly(
                new InvalidPriceTiersException.Violation("priceTier100", "priceTier100 (125000) must be <= priceTier75 (120000)"));
    }

    @Test
    void everyViolationIsReportedAtOnce() {
        assertThatThrownBy(() -> new PriceTiers(0, 150_000, 160_000, 120_000, -5))
                .isInstanceOf(InvalidPriceTiersException.class)
                .hasMessage("groupPrice must be > 0, was 0; priceTier100 must be > 0, was -5;"
                        + " priceTier50 (160000) must be <= priceTier25 (150000)");
    }

    private static List<InvalidPriceTiersException.Violation> violationsOf(
            long groupPrice, long tier25, long tier50, long tier75, long tier100) {
        try {
            new PriceTiers(groupPrice, tier25, tier50, tier75, tier100);
        } catch (InvalidPriceTiersException e) {
            return e.violations();
        }
        return List.of();
    }
}
