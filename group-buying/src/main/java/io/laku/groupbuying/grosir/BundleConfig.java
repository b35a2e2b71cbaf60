package io.laku.groupbuying.grosir;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * A product's complete grosir config: every variant, in the product's variant order, with its units per bundle and
 * warehouse tolerance. The order matters: it breaks ties when choosing the constraining variant.
 */
public record BundleConfig(List<VariantBundle> variants) {

    public BundleConfig {
        Objects.requireNonNull(variants, "variants");
        if (variants.isEmpty()) {
            throw new InvalidGrosirConfigException(null, null, "variants", "a bundle config needs at least one variant");
        }
        Set<UUID> seen = new HashSet<>();
        for (VariantBundle variant : variants) {
            if (!seen.add(variant.variantId())) {
                throw new InvalidGrosirConfigException(variant.variantId(), variant.variantName(), "variants",
                        "variant " + variant.variantName() + " appears twice in the bundle config");
            }
        }
        variants = List.copyOf(variants);
    }

    public static BundleConfig of(VariantBundle... variants) {
        return new BundleConfig(List.of(variants));
    }

    /** Variants whose tolerance is smaller than their units per bundle: they keep every session at one bundle. */
    public List<VariantBundle> toleranceWarnings() {
        return variants.stream().filter(VariantBundle::limitsSessionsToOneBundle).toList();
    }

    public VariantBundle variant(UUID variantId) {
        return variants.stream()
                .filter(v -> v.variantId().equals(variantId))
                .findFirst()
                .orElseThrow(() -> new UnknownVariantException(variantId));
    }

    public boolean contains(UUID variantId) {
        return variants.stream().anyMatch(v -> v.variantId().equals(variantId));
    }

    /** The availability of every variant, given the units each variant holds in live real seats of a session. */
    public GrosirAllocation allocate(Map<UUID, Long> orders) {
        return GrosirAllocation.of(this, orders);
    }
}
