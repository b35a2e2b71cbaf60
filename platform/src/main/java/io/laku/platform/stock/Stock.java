package io.laku.platform.stock;

/**
 * One variant's stock: units on hand and how many of them are held (for a session in the warehouse, for a store
 * order at a seller). What is not held is available. Every change answers the new stock or is refused, leaving this
 * one as it was; a held unit is never taken away by a count and never held twice.
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

    /** A count corrected by hand (found, damaged, sold elsewhere). Held units cannot be taken away. */
    public Stock adjust(long delta) {
        if (delta == 0) {
            throw new StockRefusedException(StockRefusedException.Reason.NO_CHANGE, this, delta,
                    "an adjustment must change the stock");
        }
        long after = plus(onHand, delta);
        if (after < reserved) {
            throw new StockRefusedException(StockRefusedException.Reason.BELOW_RESERVED, this, delta,
                    "on hand would be " + after + ", below the " + reserved + " units reserved (" + available()
                            + " available to remove)");
        }
        return new Stock(after, reserved);
    }

    /** Holds available units (0 holds nothing). */
    public Stock reserve(long units) {
        notNegative(units);
        if (units > available()) {
            throw new StockRefusedException(StockRefusedException.Reason.NOT_AVAILABLE, this, units,
                    units + " units wanted, " + available() + " available");
        }
        return new Stock(onHand, reserved + units);
    }

    /** Held units go back on sale (a cancelled or expired order). */
    public Stock release(long units) {
        requireHeld(units);
        return new Stock(onHand, reserved - units);
    }

    /** Held units leave (a shipped order): on hand and reserved both drop. */
    public Stock deduct(long units) {
        requireHeld(units);
        return new Stock(onHand - units, reserved - units);
    }

    /** Delivered units go on hand, available until reserved. */
    public Stock receive(long units) {
        notNegative(units);
        return new Stock(plus(onHand, units), reserved);
    }

    private long plus(long units, long delta) {
        try {
            return Math.addExact(units, delta);
        } catch (ArithmeticException e) {
            throw new StockRefusedException(StockRefusedException.Reason.OUT_OF_RANGE, this, delta, "on hand would overflow");
        }
    }

    private void requireHeld(long units) {
        if (units <= 0) {
            throw new IllegalArgumentException("a quantity of units is positive, was " + units);
        }
        if (units > reserved) {
            throw new StockRefusedException(StockRefusedException.Reason.NOT_HELD, this, units,
                    units + " units to take off the reservation, only " + reserved + " held");
        }
    }

    private static void notNegative(long units) {
        if (units < 0) {
            throw new IllegalArgumentException("a number of units cannot be negative, was " + units);
        }
    }
}
