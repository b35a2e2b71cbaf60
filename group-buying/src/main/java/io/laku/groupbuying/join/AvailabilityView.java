package io.laku.groupbuying.join;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.laku.groupbuying.grosir.VariantAvailability;
import java.util.UUID;

/**
 * The seed's availability shape. For a product without any grosir config ({@code grosirConstrained = false}) only
 * the MOQ applies: {@code available}, {@code maxAllowed} and {@code bundleInfo} are null and the variant is never
 * locked.
 */
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AvailabilityView(UUID variantId, String variantName, boolean grosirConstrained, Integer allocation,
        Long maxAllowed, long totalOrdered, Long available, boolean isLocked, UUID constrainingVariant,
        String constrainingVariantName, BundleInfo bundleInfo) {

    public record BundleInfo(int unitsPerBundle, long bundlesNeeded, long bundlesAllowed, int warehouseTolerance) {
    }

    static AvailabilityView of(VariantAvailability a, String constrainingName) {
        return new AvailabilityView(a.variantId(), a.variantName(), true, a.unitsPerBundle(), a.maxAllowed(),
                a.totalOrdered(), a.available(), a.isLocked(), a.constrainingVariant(), constrainingName,
                new BundleInfo(a.unitsPerBundle(), a.bundlesNeeded(), a.bundlesAllowed(), a.warehouseTolerance()));
    }

    static AvailabilityView unconstrained(UUID variantId, String name, long ordered) {
        return new AvailabilityView(variantId, name, false, null, null, ordered, null, false, null, null, null);
    }
}
