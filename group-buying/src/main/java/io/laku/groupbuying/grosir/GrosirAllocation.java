package io.laku.groupbuying.grosir;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The grosir availability of a whole session (SPEC §3), computed from the product's bundle config and
 * {@code orders[v]}, the units of each variant held by live real seats (awaiting payment or paid; bots never count).
 *
 * <pre>
 * need[v] = ceil(orders[v] / bundle[v])
 * N       = max over v of need[v]                          (0 when nothing ordered)
 * cap[v]  = floor((orders[v] + tolerance[v]) / bundle[v])  bundles v can absorb
 * B       = max(N, 1, min over v of cap[v])                bundles allowed
 * maxAllowed[v] = B * bundle[v]
 * available[v]  = max(0, maxAllowed[v] - orders[v]);  isLocked = available[v] == 0
 * constrainingVariant = the variant with the smallest cap (ties: first in variant order), for locked variants only
 * </pre>
 */
public final class GrosirAllocation {

    private final long bundlesNeeded;
    private final long bundlesAllowed;
    private final VariantBundle tightestVariant;
    private final List<VariantAvailability> variants;

    private GrosirAllocation(long bundlesNeeded, long bundlesAllowed, VariantBundle tightestVariant,
                             List<VariantAvailability> variants) {
        this.bundlesNeeded = bundlesNeeded;
        this.bundlesAllowed = bundlesAllowed;
        this.tightestVariant = tightestVariant;
        this.variants = List.copyOf(variants);
    }

    /**
     * @param orders units per variant id; a variant missing from the map has ordered nothing
     * @throws UnknownVariantException  if orders name a variant that is not in the config
     * @throws IllegalArgumentException if an order count is negative
     */
    public static GrosirAllocation of(BundleConfig config, Map<UUID, Long> orders) {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(orders, "orders");
        orders.forEach((variantId, units) -> {
            if (!config.contains(variantId)) {
                throw new UnknownVariantException(variantId);
            }
            if (units == null || units < 0) {
                throw new IllegalArgumentException("orders of variant " + variantId + " must be >= 0, was " + units);
            }
        });

        long n = 0;
        for (VariantBundle v : config.variants()) {
            n = Math.max(n, need(v, ordered(orders, v)));
        }
        VariantBundle tightest = config.variants().getFirst();
        for (VariantBundle v : config.variants()) {
            if (cap(v, ordered(orders, v)) < cap(tightest, ordered(orders, tightest))) { // strict: ties keep the first
                tightest = v;
            }
        }
        long b = Math.max(Math.max(n, 1), cap(tightest, ordered(orders, tightest)));

        List<VariantAvailability> result = new ArrayList<>();
        for (VariantBundle v : config.variants()) {
            long ordered = ordered(orders, v);
            long maxAllowed = b * v.unitsPerBundle();
            long available = Math.max(0, maxAllowed - ordered);
            boolean locked = available == 0;
            result.add(new VariantAvailability(v.variantId(), v.variantName(), v.unitsPerBundle(), v.tolerance(),
                    ordered, cap(v, ordered), n, b, maxAllowed, available, locked,
                    locked ? tightest.variantId() : null));
        }
        return new GrosirAllocation(n, b, tightest, result);
    }

    private static long ordered(Map<UUID, Long> orders, VariantBundle v) {
        return orders.getOrDefault(v.variantId(), 0L);
    }

    /** {@code need[v]}: bundles this variant's orders force. */
    private static long need(VariantBundle v, long ordered) {
        return Math.ceilDiv(ordered, v.unitsPerBundle());
    }

    /** {@code cap[v]}: bundles this variant can absorb before its excess passes its tolerance. */
    private static long cap(VariantBundle v, long ordered) {
        return (ordered + v.tolerance()) / v.unitsPerBundle();
    }

    /** {@code N}: bundles the current orders already force the factory to make. */
    public long bundlesNeeded() {
        return bundlesNeeded;
    }

    /** {@code B}: bundles the session may grow to. */
    public long bundlesAllowed() {
        return bundlesAllowed;
    }

    /** The variant with the smallest cap (the one that stops the session from growing further). */
    public VariantBundle tightestVariant() {
        return tightestVariant;
    }

    /** Every variant, in the config's variant order. */
    public List<VariantAvailability> variants() {
        return variants;
    }

    public VariantAvailability variant(UUID variantId) {
        return variants.stream()
                .filter(v -> v.variantId().equals(variantId))
                .findFirst()
                .orElseThrow(() -> new UnknownVariantException(variantId));
    }

    /**
     * A join of {@code quantity} units of a variant is accepted only if {@code quantity <= available}. The caller must
     * check and insert atomically per session, so that concurrent joins never pass the allowance together.
     */
    public JoinDecision checkJoin(UUID variantId, long quantity) {
        requirePositiveQuantity(quantity);
        VariantAvailability variant = variant(variantId);
        if (quantity <= variant.available()) {
            return new JoinDecision.Accepted();
        }
        return new JoinDecision.Rejected(variantId, variant.variantName(), quantity, variant.available());
    }

    static void requirePositiveQuantity(long quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1, was " + quantity);
        }
    }
}
