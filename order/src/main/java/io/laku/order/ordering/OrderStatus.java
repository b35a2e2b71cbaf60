package io.laku.order.ordering;

import java.util.Arrays;

/** Where an order stands. Codes are stable: they are stored and shown on REST. */
public enum OrderStatus {
    /** The session's settlement and its stock are both known: the order exists. */
    CREATED("created"),
    /** The factory finished production (or the stock was already there): the order can be shipped. */
    READY_TO_SHIP("ready_to_ship");

    private final String code;

    OrderStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    /** @throws IllegalArgumentException for an unknown code */
    public static OrderStatus ofCode(String code) {
        return Arrays.stream(values()).filter(status -> status.code.equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown order status " + code));
    }
}
