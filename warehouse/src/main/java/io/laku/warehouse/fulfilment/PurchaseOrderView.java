package io.laku.warehouse.fulfilment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A purchase order as the factory and the admin see it. {@code hasStock} and {@code grosirUnitsNeeded} are the
 * seed's fulfil-demand answer (a purchase order exists because the stock was not there; grosir units = bundles).
 */
public record PurchaseOrderView(UUID id, String poNumber, UUID sessionId, UUID factoryId, UUID productId,
        String productName, String status, boolean hasStock, long grosirUnitsNeeded, long bundles, List<Line> lines,
        long outstandingUnits, Instant createdAt, Instant receivedAt, UUID receivedBy) {

    /** {@code receivedUnits} so far; {@code outstandingUnits} still owed by the factory (the shortfall). */
    public record Line(UUID variantId, String variantName, int unitsPerBundle, long missingUnits, long orderedUnits,
            long excessUnits, long receivedUnits, long outstandingUnits) {
        static Line of(PurchaseOrderLine l) {
            return new Line(l.variantId, l.variantName, l.unitsPerBundle, l.missingUnits, l.orderedUnits,
                    l.orderedUnits - l.missingUnits, l.receivedUnits, Math.max(0, l.orderedUnits - l.receivedUnits));
        }
    }

    static PurchaseOrderView of(PurchaseOrder po, List<PurchaseOrderLine> lines) {
        List<Line> views = lines.stream().map(Line::of).toList();
        return new PurchaseOrderView(po.id, po.poNumber, po.sessionId, po.factoryId, po.productId, po.productName,
                po.status, false, po.bundles, po.bundles, views, views.stream().mapToLong(Line::outstandingUnits).sum(),
                po.createdAt, po.receivedAt, po.receivedBy);
    }
}
