package io.laku.warehouse.fulfilment;

import java.util.List;
import java.util.UUID;

/**
 * What a confirmed session needs from the warehouse: units per variant, in the product's variant
 * order, each with the factory's bundle composition (null units per bundle when the product has no
 * grosir config, in which case the factory ships exactly what is missing).
 */
public record Demand(List<Line> lines) {

    public record Line(UUID variantId, long units, Integer unitsPerBundle) {
        public Line {
            if (units < 0) {
                throw new IllegalArgumentException("demand for " + variantId + " is negative: " + units);
            }
            if (unitsPerBundle != null && unitsPerBundle < 1) {
                throw new IllegalArgumentException("units per bundle of " + variantId + " must be >= 1");
            }
        }
    }

    public Demand {
        lines = List.copyOf(lines);
        if (lines.stream().map(Line::variantId).distinct().count() != lines.size()) {
            throw new IllegalArgumentException("a variant appears twice in the demand");
        }
    }

    /** Whole bundles are only a constraint when every variant has a bundle composition. */
    boolean shippedInBundles() {
        return !lines.isEmpty() && lines.stream().allMatch(line -> line.unitsPerBundle() != null);
    }
}
