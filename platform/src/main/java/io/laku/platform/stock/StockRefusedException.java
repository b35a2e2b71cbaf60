package io.laku.platform.stock;

/** A stock change that would break the stock's rule; the stock stays as it was (a resource answers 409 with it). */
public class StockRefusedException extends RuntimeException {

    public enum Reason {
        /** An adjustment of 0 units. */
        NO_CHANGE,
        /** On hand would drop below what is reserved (or below 0). */
        BELOW_RESERVED,
        /** More units wanted than are available. */
        NOT_AVAILABLE,
        /** More units to release or deduct than are held. */
        NOT_HELD,
        /** The result does not fit a long. */
        OUT_OF_RANGE
    }

    private final Reason reason;
    private final Stock stock;
    private final long units;

    public StockRefusedException(Reason reason, Stock stock, long units, String detail) {
        super(detail);
        this.reason = reason;
        this.stock = stock;
        this.units = units;
    }

    public Reason reason() {
        return reason;
    }

    /** The stock as it stays. */
    public Stock stock() {
        return stock;
    }

    /** The delta or the units that were asked for. */
    public long units() {
        return units;
    }
}
