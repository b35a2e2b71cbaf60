package io.laku.warehouse.fulfilment;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * SPEC §5.4 as the warehouse counts it: a delivery against a purchase order books the units counted per variant, short
 * or over. What the session is missing is reserved from what has arrived; what the factory still owes stays open on
 * the purchase order and can be received later. Plain Java, unit-tested.
 *
 * <ul>
 *   <li>received after = received before + counted, per variant;</li>
 *   <li>reserve now = min(missing, received after) - min(missing, received before): each unit that arrives is held for
 *       the session until its missing units are covered; the rest is available stock;</li>
 *   <li>outstanding = ordered - received after, never below 0 (the shortfall); over = received beyond ordered;</li>
 *   <li>the session's demand is held once every variant's missing units arrived; the purchase order is complete
 *       once every variant's ordered units arrived.</li>
 * </ul>
 */
public final class Receiving {

    /** A purchase order line as it stands before the delivery. */
    public record Line(UUID variantId, long orderedUnits, long missingUnits, long receivedUnits) {
    }

    /** What the delivery did to one line. */
    public record Booked(UUID variantId, long countedUnits, long receivedUnits, long reserveNow, long outstandingUnits,
            long overUnits) {
    }

    /** The delivery's effect on the whole purchase order. */
    public record Receipt(List<Booked> lines, boolean demandHeld, boolean demandHeldBefore, boolean complete,
            long outstandingUnits) {

        /** The session's demand became held with this delivery (StockReserved is due, once). */
        public boolean demandHeldNow() {
            return demandHeld && !demandHeldBefore;
        }
    }

    /** Why a delivery cannot be booked as counted; nothing is booked. */
    public static final class Refused extends RuntimeException {
        private final String type;
        private final String field;

        Refused(String type, String field, String message) {
            super(message);
            this.type = type;
            this.field = field;
        }

        public String type() {
            return type;
        }

        public String field() {
            return field;
        }
    }

    private Receiving() {
    }

    /**
     * @param order the purchase order's lines
     * @param counted units counted per variant (variants not named: 0)
     */
    public static Receipt receive(List<Line> order, Map<UUID, Long> counted) {
        Map<UUID, Line> byVariant = new LinkedHashMap<>();
        order.forEach(line -> byVariant.put(line.variantId(), line));
        for (Map.Entry<UUID, Long> c : counted.entrySet()) {
            if (!byVariant.containsKey(c.getKey())) {
                throw new Refused("variant-not-on-purchase-order", "lines", "variant " + c.getKey()
                        + " is not on this purchase order");
            }
            if (c.getValue() < 0) {
                throw new Refused("invalid", "lines", "counted units are never negative (variant " + c.getKey() + ")");
            }
        }
        if (isComplete(order)) {
            throw new Refused("purchase-order-already-received", null, "every ordered unit was received already");
        }
        if (counted.values().stream().allMatch(units -> units == 0)) {
            throw new Refused("invalid", "lines", "the delivery counts no units");
        }
        List<Booked> booked = new ArrayList<>();
        boolean heldBefore = true;
        boolean held = true;
        boolean complete = true;
        long outstanding = 0;
        Map<UUID, Long> units = new HashMap<>(counted);
        for (Line line : order) {
            long count = units.getOrDefault(line.variantId(), 0L);
            long after = Math.addExact(line.receivedUnits(), count);
            long reserve = Math.min(line.missingUnits(), after) - Math.min(line.missingUnits(), line.receivedUnits());
            long owed = Math.max(0, line.orderedUnits() - after);
            long over = Math.max(0, after - line.orderedUnits()) - Math.max(0, line.receivedUnits() - line.orderedUnits());
            booked.add(new Booked(line.variantId(), count, after, reserve, owed, over));
            heldBefore &= line.receivedUnits() >= line.missingUnits();
            held &= after >= line.missingUnits();
            complete &= after >= line.orderedUnits();
            outstanding += owed;
        }
        return new Receipt(booked, held, heldBefore, complete, outstanding);
    }

    /** Every ordered unit has arrived. */
    public static boolean isComplete(List<Line> order) {
        return order.stream().allMatch(line -> line.receivedUnits() >= line.orderedUnits());
    }
}
