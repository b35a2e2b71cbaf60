package io.laku.groupbuying.grosir;

import java.util.UUID;

/** A variant id that is not part of the product's grosir config. */
public class UnknownVariantException extends IllegalArgumentException {

    private final UUID variantId;

    public UnknownVariantException(UUID variantId) {
        super("variant " + variantId + " is not a variant of this product");
        this.variantId = variantId;
    }

    public UUID variantId() {
        return variantId;
    }
}
