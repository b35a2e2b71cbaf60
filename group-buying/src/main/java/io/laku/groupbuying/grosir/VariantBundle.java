package io.laku.groupbuying.grosir;

import java.util.Objects;
import java.util.UUID;

/**
 * One variant's share of a factory bundle.
 *
 * @param unitsPerBundle units of this variant in one factory bundle ({@code bundle[v]}, >= 1)
 * @param tolerance      max excess units of this variant the warehouse accepts ({@code tolerance[v]}, >= 0)
 */
public record VariantBundle(UUID variantId, String variantName, int unitsPerBundle, int tolerance) {

    public VariantBundle {
        Objects.requireNonNull(variantId, "variantId");
        Objects.requireNonNull(variantName, "variantName");
        requireValidUnitsPerBundle(variantId, variantName, unitsPerBundle);
        requireValidTolerance(variantId, variantName, tolerance);
    }

    /** True when the tolerance cannot absorb a single bundle's worth of excess: every session stays at one bundle. */
    public boolean limitsSessionsToOneBundle() {
        return tolerance < unitsPerBundle;
    }

    static void requireValidUnitsPerBundle(UUID variantId, String variantName, int unitsPerBundle) {
        if (unitsPerBundle < 1) {
            throw new InvalidGrosirConfigException(variantId, variantName, "unitsPerBundle",
                    "unitsPerBundle of variant " + variantName + " must be >= 1, was " + unitsPerBundle);
        }
    }

    static void requireValidTolerance(UUID variantId, String variantName, int tolerance) {
        if (tolerance < 0) {
            throw new InvalidGrosirConfigException(variantId, variantName, "tolerance",
                    "tolerance of variant " + variantName + " must be >= 0, was " + tolerance);
        }
    }
}
