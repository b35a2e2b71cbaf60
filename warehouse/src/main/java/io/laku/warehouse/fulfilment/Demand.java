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

    /**
     * A factory bundle holds every variant of the product that has a composition, whether the session ordered it or
     * not (group-buying's demand lists only variants with units). When this demand ships in bundles, the product's
     * other bundled variants join it at 0 units, so a purchase order brings, and stocks, the whole bundle.
     *
     * @param productBundle the product's variants with their units per bundle (units are ignored)
     */
    public Demand withBundleMates(List<Line> productBundle) {
        if (!shippedInBundles()) {
            return this;
        }
        List<Line> all = new java.util.ArrayList<>(lines);
        for (Line mate : productBundle) {
            if (mate.unitsPerBundle() != null && all.stream().noneMatch(line -> line.variantId().equals(mate.variantId()))) {
                all.add(new Line(mate.variantId(), 0, mate.unitsPerBundle()));
            }
        }
        return new Demand(all);
    }

    /** Whole bundles are only a constraint when every variant has a bundle composition. */
    boolean shippedInBundles() {
        return !lines.isEmpty() && lines.stream().allMatch(line -> line.unitsPerBundle() != null);
    }
}
