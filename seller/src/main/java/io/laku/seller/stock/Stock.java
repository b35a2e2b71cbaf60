package io.laku.seller.stock;

/**
 * One variant's stock and the units of it held for store orders (SPEC §8). What is not reserved is available. Every
 * change answers the new stock or is refused, leaving this one as it was.
 */
public record Stock(long stock, long reserved) {

    public Stock {
        if (reserved < 0 || reserved > stock) {
            throw new IllegalArgumentException("0 <= reserved <= stock must hold, was " + reserved + "/" + stock);
        }
    }

    public long available() {
        return stock - reserved;
    }

    /** The seller corrects its count (received, sold elsewhere, damaged). Units held for orders cannot be taken away. */
    public Stock adjust(long delta) {
        if (delta == 0) {
            throw new StockRefusedException(StockRefusedException.Reason.NO_CHANGE, this, delta,
                    "an adjustment must change the stock");
        }
        long after;
        try {
            after = Math.addExact(stock, delta);
        } catch (ArithmeticException e) {
            throw new StockRefusedException(StockRefusedException.Reason.OUT_OF_RANGE, this, delta, "stock would overflow");
        }
        if (after < reserved) {
            throw new StockRefusedException(StockRefusedException.Reason.BELOW_RESERVED, this, delta,
                    "stock would be " + after + ", below the " + reserved + " units held for orders (" + available()
                            + " can be removed)");
        }
        return new Stock(after, reserved);
    }

    /** A store order holds units: reserved += quantity, never past the stock. */
    public Stock reserve(long quantity) {
        positive(quantity);
        if (quantity > available()) {
            throw new StockRefusedException(StockRefusedException.Reason.NOT_AVAILABLE, this, quantity,
                    quantity + " units wanted, " + available() + " available");
        }
        return new Stock(stock, reserved + quantity);
    }

    /** A cancelled or expired order gives its units back: reserved -= quantity. */
    public Stock release(long quantity) {
        positive(quantity);
        requireHeld(quantity);
        return new Stock(stock, reserved - quantity);
    }

    /** A shipped order's units leave the seller: stock -= quantity, reserved -= quantity. */
    public Stock deduct(long quantity) {
        positive(quantity);
        requireHeld(quantity);
        return new Stock(stock - quantity, reserved - quantity);
    }

    private void requireHeld(long quantity) {
        if (quantity > reserved) {
            throw new StockRefusedException(StockRefusedException.Reason.NOT_HELD, this, quantity,
                    quantity + " units to take off the reservation, only " + reserved + " held");
        }
    }

    private static void positive(long quantity) {
        if (quantity <= 0) {
            throw new IllegalArgumentException("a quantity of units is positive, was " + quantity);
        }
    }
}
