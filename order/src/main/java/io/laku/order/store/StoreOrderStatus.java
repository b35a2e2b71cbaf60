package io.laku.order.store;

import java.util.Arrays;

/** Where a seller-store order stands (SPEC §8). Codes are stable: they are stored and shown on REST. */
public enum StoreOrderStatus {
    /** Placed; the seller is checking its stock. */
    PENDING_STOCK_CHECK("pending_stock_check"),
    /** The seller holds the stock; the customer is to pay (the payment link follows). */
    PENDING_PAYMENT("pending_payment"),
    PAID("paid"),
    SHIPPED("shipped"),
    /** The seller could not hold every line (out of stock, naming the variant). */
    REJECTED("rejected"),
    /** By the customer before paying, by the seller before shipping, or because the payment expired. */
    CANCELLED("cancelled");

    private final String code;

    StoreOrderStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static StoreOrderStatus ofCode(String code) {
        return Arrays.stream(values()).filter(s -> s.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown store order status " + code));
    }
}
