package io.laku.groupbuying.grosir;

import java.util.UUID;

/** Grosir config values that can never be valid (units per bundle < 1, tolerance < 0, ...). Bad input: a 4xx. */
public class InvalidGrosirConfigException extends IllegalArgumentException {

    private final UUID variantId;
    private final String variantName;
    private final String field;

    public InvalidGrosirConfigException(UUID variantId, String variantName, String field, String message) {
        super(message);
        this.variantId = variantId;
        this.variantName = variantName;
        this.field = field;
    }

    /** The offending variant, or null when the problem is not about one variant. */
    public UUID variantId() {
        return variantId;
    }

    public String variantName() {
        return variantName;
    }

    /** The offending field: "unitsPerBundle", "tolerance" or "variants". */
    public String field() {
        return field;
    }
}
