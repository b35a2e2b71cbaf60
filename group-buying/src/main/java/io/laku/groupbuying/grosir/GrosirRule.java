package io.laku.groupbuying.grosir;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * How grosir constrains a product's sessions. Exactly one of:
 * <ul>
 *   <li>{@link Unconstrained}: the product has no bundle config at all; only the MOQ applies and any quantity of any
 *       variant may join. There is no availability matrix: the availability endpoint reports the variant as not
 *       grosir-constrained (never locked) instead of inventing a huge "available" number.</li>
 *   <li>{@link Configured}: every variant has both its units per bundle and its tolerance.</li>
 *   <li>{@link Misconfigured}: some config exists but a variant lacks its units per bundle, its tolerance, or both;
 *       joins and availability answer 409 naming that variant.</li>
 * </ul>
 */
public sealed interface GrosirRule {

    record Unconstrained() implements GrosirRule {
    }

    record Configured(BundleConfig config) implements GrosirRule {
        public Configured {
            Objects.requireNonNull(config, "config");
        }

        public GrosirAllocation allocate(Map<UUID, Long> orders) {
            return config.allocate(orders);
        }
    }

    /** The first variant (in product order) whose config is incomplete. */
    record Misconfigured(UUID variantId, String variantName, String problem) implements GrosirRule {
    }

    /**
     * Reads a product's grosir config as stored: units per bundle and tolerance per variant id, in two separate maps
     * (the admin sets them separately).
     *
     * @param variants        the product's variants, in display order
     * @param unitsPerBundle  {@code bundle[v]} by variant id (absent = not set)
     * @param tolerances      {@code tolerance[v]} by variant id (absent = not set)
     * @throws InvalidGrosirConfigException if a value is out of range (units per bundle < 1, tolerance < 0)
     * @throws UnknownVariantException      if a map names a variant that is not one of {@code variants}
     */
    static GrosirRule of(List<ProductVariant> variants, Map<UUID, Integer> unitsPerBundle, Map<UUID, Integer> tolerances) {
        Objects.requireNonNull(variants, "variants");
        Objects.requireNonNull(unitsPerBundle, "unitsPerBundle");
        Objects.requireNonNull(tolerances, "tolerances");
        Set<UUID> productVariantIds = new HashSet<>();
        variants.forEach(v -> productVariantIds.add(v.id()));
        for (UUID configured : union(unitsPerBundle.keySet(), tolerances.keySet())) {
            if (!productVariantIds.contains(configured)) {
                throw new UnknownVariantException(configured);
            }
        }
        for (ProductVariant v : variants) {
            Integer bundle = unitsPerBundle.get(v.id());
            Integer tolerance = tolerances.get(v.id());
            if (bundle != null) {
                VariantBundle.requireValidUnitsPerBundle(v.id(), v.name(), bundle);
            }
            if (tolerance != null) {
                VariantBundle.requireValidTolerance(v.id(), v.name(), tolerance);
            }
        }

        if (unitsPerBundle.isEmpty() && tolerances.isEmpty()) {
            return new Unconstrained();
        }
        List<VariantBundle> bundles = new ArrayList<>();
        for (ProductVariant v : variants) {
            Integer bundle = unitsPerBundle.get(v.id());
            Integer tolerance = tolerances.get(v.id());
            if (bundle == null && tolerance == null) {
                return new Misconfigured(v.id(), v.name(), "variant " + v.name() + " has no units per bundle and no warehouse tolerance");
            }
            if (tolerance == null) {
                return new Misconfigured(v.id(), v.name(), "variant " + v.name() + " has units per bundle but no warehouse tolerance");
            }
            if (bundle == null) {
                return new Misconfigured(v.id(), v.name(), "variant " + v.name() + " has a warehouse tolerance but no units per bundle");
            }
            bundles.add(new VariantBundle(v.id(), v.name(), bundle, tolerance));
        }
        return new Configured(new BundleConfig(bundles));
    }

    /**
     * May a session whose live real seats hold {@code orders} take {@code quantity} more units of {@code variantId}?
     *
     * @throws IllegalArgumentException if quantity < 1
     * @throws UnknownVariantException  if the product is configured and the variant is not one of its variants
     */
    default JoinDecision checkJoin(UUID variantId, long quantity, Map<UUID, Long> orders) {
        GrosirAllocation.requirePositiveQuantity(quantity);
        return switch (this) {
            case Unconstrained u -> new JoinDecision.Accepted();
            case Misconfigured m -> new JoinDecision.Misconfigured(m.variantId(), m.variantName(), m.problem());
            case Configured c -> c.allocate(orders).checkJoin(variantId, quantity);
        };
    }

    private static Set<UUID> union(Set<UUID> a, Set<UUID> b) {
        Set<UUID> all = new HashSet<>(a);
        all.addAll(b);
        return all;
    }
}
