package io.laku.groupbuying.expiry;

import java.util.ArrayList;
import java.util.List;

/**
 * A session's prices in whole rupiah: everyone pays {@code groupPrice} per unit upfront, and the tier reached at
 * expiry sets the final unit price. Valid when all are > 0 and
 * {@code groupPrice >= priceTier25 >= priceTier50 >= priceTier75 >= priceTier100}.
 *
 * @throws InvalidPriceTiersException listing every violation, each naming its field
 */
public record PriceTiers(long groupPrice, long priceTier25, long priceTier50, long priceTier75, long priceTier100) {

    public PriceTiers {
        List<InvalidPriceTiersException.Violation> violations = new ArrayList<>();
        requirePositive(violations, "groupPrice", groupPrice);
        requirePositive(violations, "priceTier25", priceTier25);
        requirePositive(violations, "priceTier50", priceTier50);
        requirePositive(violations, "priceTier75", priceTier75);
        requirePositive(violations, "priceTier100", priceTier100);
        requireAtMost(violations, "priceTier25", priceTier25, "groupPrice", groupPrice);
        requireAtMost(violations, "priceTier50", priceTier50, "priceTier25", priceTier25);
        requireAtMost(violations, "priceTier75", priceTier75, "priceTier50", priceTier50);
        requireAtMost(violations, "priceTier100", priceTier100, "priceTier75", priceTier75);
        if (!violations.isEmpty()) {
            throw new InvalidPriceTiersException(violations);
        }
    }

    public long priceOf(Tier tier) {
        return switch (tier) {
            case TIER_25 -> priceTier25;
            case TIER_50 -> priceTier50;
            case TIER_75 -> priceTier75;
            case TIER_100 -> priceTier100;
        };
    }

    private static void requirePositive(List<InvalidPriceTiersException.Violation> violations, String field, long price) {
        if (price <= 0) {
            violations.add(new InvalidPriceTiersException.Violation(field, field + " must be > 0, was " + price));
        }
    }

    // Only compared when both prices are positive, so one bad price yields one message, not two.
    private static void requireAtMost(List<InvalidPriceTiersException.Violation> violations,
                                      String field, long price, String aboveField, long abovePrice) {
        if (price > 0 && abovePrice > 0 && price > abovePrice) {
            violations.add(new InvalidPriceTiersException.Violation(field,
                    field + " (" + price + ") must be <= " + aboveField + " (" + abovePrice + ")"));
        }
    }
}
