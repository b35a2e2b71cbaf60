package io.laku.seller.stock;

import io.laku.platform.stock.Stock;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SPEC §8: the seller reserves every line of a store order at once, or rejects the whole order, naming the variant.
 * The caller holds the variants' rows locked, so the stock it passes is the stock the reservation commits against:
 * no variant is ever reserved past its stock, however many orders arrive at once.
 */
public final class ReservationRule {

    /** A line of the order: units of one variant. */
    public record Line(UUID variantId, long quantity) {
    }

    public enum Rejection { OUT_OF_STOCK, SELLER_NOT_ACTIVE, UNKNOWN_VARIANT }

    /** Reserve all, or reject with the reason and (for stock) the first variant that is short. */
    public sealed interface Decision {
    }

    public record Reserve(Map<UUID, Long> units) implements Decision {
    }

    public record Reject(Rejection reason, UUID variantId, Long requested, Long available) implements Decision {
    }

    private ReservationRule() {
    }

    /**
     * @param stockOfSeller the locked stock of the seller's variants among the order's lines (a variant that is not
     *     there is unknown or another seller's)
     */
    public static Decision decide(boolean sellerSells, List<Line> lines, Map<UUID, Stock> stockOfSeller) {
        if (!sellerSells) {
            return new Reject(Rejection.SELLER_NOT_ACTIVE, null, null, null);
        }
        Map<UUID, Long> wanted = new LinkedHashMap<>();
        for (Line line : lines) {
            if (line.quantity() <= 0) {
                throw new IllegalArgumentException("a line of " + line.quantity() + " units of " + line.variantId());
            }
            wanted.merge(line.variantId(), line.quantity(), Math::addExact);
        }
        for (Map.Entry<UUID, Long> want : wanted.entrySet()) {
            Stock stock = stockOfSeller.get(want.getKey());
            if (stock == null) {
                return new Reject(Rejection.UNKNOWN_VARIANT, want.getKey(), want.getValue(), null);
            }
            if (want.getValue() > stock.available()) {
                return new Reject(Rejection.OUT_OF_STOCK, want.getKey(), want.getValue(), stock.available());
            }
        }
        return new Reserve(Map.copyOf(wanted));
    }
}
