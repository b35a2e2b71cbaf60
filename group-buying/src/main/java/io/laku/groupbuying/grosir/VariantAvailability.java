package io.laku.groupbuying.grosir;

import java.util.UUID;

/**
 * What one variant of a session may still take (SPEC §3). The field names follow the availability endpoint.
 *
 * @param unitsPerBundle      {@code bundle[v]} (the endpoint's "allocation" and "bundleInfo.unitsPerBundle")
 * @param warehouseTolerance  {@code tolerance[v]}
 * @param totalOrdered        {@code orders[v]}: units held by live real seats
 * @param cap                 {@code cap[v]}: bundles this variant can absorb within its tolerance
 * @param bundlesNeeded       {@code N}: bundles the session's orders already force (session-wide)
 * @param bundlesAllowed      {@code B}: bundles the session may grow to (session-wide)
 * @param maxAllowed          {@code B * bundle[v]}
 * @param available           {@code max(0, maxAllowed - orders[v])}: the largest quantity a join may take
 * @param isLocked            {@code available == 0}
 * @param constrainingVariant the variant with the smallest cap when this variant is locked; null when not locked
 */
public record VariantAvailability(
        UUID variantId,
        String variantName,
        int unitsPerBundle,
        int warehouseTolerance,
        long totalOrdered,
        long cap,
        long bundlesNeeded,
        long bundlesAllowed,
        long maxAllowed,
        long available,
        boolean isLocked,
        UUID constrainingVariant) {
}
