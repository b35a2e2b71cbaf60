package io.laku.order.store;

import java.util.UUID;

/** A basket line that cannot be bought; nothing of the checkout is ordered. The resource maps it to a 4xx. */
public class CheckoutRefused extends RuntimeException {

    public enum Reason {
        /** order knows no such variant on sale (unknown, or not listed yet). */
        NOT_ON_SALE,
        /** The variant's seller is not active (waiting for verification, or suspended). */
        SELLER_NOT_ACTIVE,
        /** The basket names the variant twice. */
        DUPLICATE_VARIANT
    }

    private final Reason reason;
    private final int line;
    private final UUID variantId;
    private final UUID sellerId;

    public CheckoutRefused(Reason reason, int line, UUID variantId, UUID sellerId) {
        super(switch (reason) {
            case NOT_ON_SALE -> "variant " + variantId + " is not on sale";
            case SELLER_NOT_ACTIVE -> "the seller " + sellerId + " of variant " + variantId + " is not selling";
            case DUPLICATE_VARIANT -> "variant " + variantId + " is in the basket twice: order it once with its quantity";
        });
        this.reason = reason;
        this.line = line;
        this.variantId = variantId;
        this.sellerId = sellerId;
    }

    public Reason reason() {
        return reason;
    }

    public int line() {
        return line;
    }

    public UUID variantId() {
        return variantId;
    }

    public UUID sellerId() {
        return sellerId;
    }
}
