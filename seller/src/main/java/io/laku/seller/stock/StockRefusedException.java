package io.laku.seller.stock;

/** A change of stock its rule refuses; nothing was changed. The resource turns it into a 409 with the facts. */
public class StockRefusedException extends RuntimeException {

    public enum Reason { NO_CHANGE, OUT_OF_RANGE, BELOW_RESERVED, NOT_AVAILABLE, NOT_HELD }

    private final Reason reason;
    private final Stock stock;
    private final long units;

    public StockRefusedException(Reason reason, Stock stock, long units, String message) {
        super(message);
        this.reason = reason;
        this.stock = stock;
        this.units = units;
    }

    public Reason reason() {
        return reason;
    }

    public Stock stock() {
        return stock;
    }

    public long units() {
        return units;
    }
}
