package io.laku.warehouse.inventory;

/**
 * One variant's stock: units on hand and how many of them are held for sessions. What is not reserved is
 * available. Every change answers the new stock or is refused, leaving this one as it was.
 */
public record Stock(long onHand, long reserved) {

    public static final Stock EMPTY = new Stock(0, 0);

    public Stock {
        if (reserved < 0 || reserved > onHand) {
            throw new IllegalArgumentException("stock must hold 0 <= reserved <= on hand, was " + reserved + "/" + onHand);
        }
    }

    public long available() {
        return onHand - reserved;
    }

    /** A stock count corrected by hand (found, damaged, counted). Reserved units cannot be taken away. */
    public Stock adjust(long delta) {
        if (delta == 0) {
            throw new StockRefusedException(StockRefusedException.Reason.NO_CHANGE, this, delta,
                    "an adjustment must change the stock");
        }
        long after;
        try {
            after = Math.addExact(onHand, delta);
        } catch (ArithmeticException e) {
            throw new StockRefusedException(StockRefusedException.Reason.OUT_OF_RANGE, this, delta,
                    "on hand would overflow");
        }
        if (after < reserved) {
            throw new StockRefusedException(StockRefusedException.Reason.BELOW_RESERVED, this, delta,
                    "on hand would be " + after + ", below the " + reserved + " units reserved (" + available()
                            + " available to remove)");
        }
        return new Stock(after, reserved);
    }

    /** Holds available units for a session. */
    public Stock reserve(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("cannot reserve a negative number of units: " + units);
        }
        if (units > available()) {
            throw new StockRefusedException(StockRefusedException.Reason.NOT_AVAILABLE, this, units,
                    units + " units wanted, " + available() + " available");
        }
        return new Stock(onHand, reserved + units);
    }

    /** Units a factory delivered go on hand, available until reserved. */
    public Stock receive(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("cannot receive a negative number of units: " + units);
        }
        try {
            return new Stock(Math.addExact(onHand, units), reserved);
        } catch (ArithmeticException e) {
            throw new StockRefusedException(StockRefusedException.Reason.OUT_OF_RANGE, this, units, "on hand would overflow");
        }
    }
}
