package io.laku.warehouse.fulfilment;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * SPEC §5.3: the warehouse reserves what it has on hand and, for what is missing, orders whole
 * factory bundles: {@code bundles = max over variants of ceil(missing[v] / unitsPerBundle[v])}.
 * A bundle holds every variant, so the order brings {@code bundles x unitsPerBundle[v]} of each;
 * what is not needed stays in the warehouse as available stock.
 */
public record FulfilmentPlan(Map<UUID, Long> reserveNow, Optional<PurchaseOrderPlan> purchaseOrder) {

    public record PurchaseOrderPlan(long bundles, List<Line> lines) {

        public record Line(UUID variantId, int unitsPerBundle, long missingUnits, long orderedUnits) {
            public long excessUnits() {
                return orderedUnits - missingUnits;
            }
        }
    }

    public static FulfilmentPlan of(Demand demand, Map<UUID, Long> availableOnHand) {
        Map<UUID, Long> reserve = new LinkedHashMap<>();
        Map<UUID, Long> missing = new LinkedHashMap<>();
        for (Demand.Line line : demand.lines()) {
            long onHand = Math.max(0, availableOnHand.getOrDefault(line.variantId(), 0L));
            long reserved = Math.min(onHand, line.units());
            reserve.put(line.variantId(), reserved);
            missing.put(line.variantId(), line.units() - reserved);
        }
        boolean nothingMissing = missing.values().stream().allMatch(units -> units == 0);
        return new FulfilmentPlan(reserve, nothingMissing ? Optional.empty() : Optional.of(order(demand, missing)));
    }

    public boolean fromStockOnHand() {
        return purchaseOrder.isEmpty();
    }

    private static PurchaseOrderPlan order(Demand demand, Map<UUID, Long> missing) {
        List<PurchaseOrderPlan.Line> lines = new ArrayList<>();
        if (!demand.shippedInBundles()) {
            // no bundle composition: the factory makes exactly what is missing, one unit per "bundle"
            long bundles = 0;
            for (Demand.Line line : demand.lines()) {
                long units = missing.get(line.variantId());
                if (units > 0) {
                    lines.add(new PurchaseOrderPlan.Line(line.variantId(), 1, units, units));
                    bundles = Math.max(bundles, units);
                }
            }
            return new PurchaseOrderPlan(bundles, lines);
        }
        long bundles = 0;
        for (Demand.Line line : demand.lines()) {
            bundles = Math.max(bundles, ceilDiv(missing.get(line.variantId()), line.unitsPerBundle()));
        }
        for (Demand.Line line : demand.lines()) {
            lines.add(new PurchaseOrderPlan.Line(line.variantId(), line.unitsPerBundle(), missing.get(line.variantId()),
                    bundles * line.unitsPerBundle()));
        }
        return new PurchaseOrderPlan(bundles, lines);
    }

    private static long ceilDiv(long units, int perBundle) {
        return (units + perBundle - 1) / perBundle;
    }
}
