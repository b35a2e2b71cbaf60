package io.laku.groupbuying.grosir;

import java.util.UUID;

/** The grosir rule's answer to "may this session take q more units of variant v?". */
public sealed interface JoinDecision {

    record Accepted() implements JoinDecision {
    }

    /** The join asks for more than the variant has available (409). {@code available} is 0 when the variant is locked. */
    record Rejected(UUID variantId, String variantName, long requested, long available) implements JoinDecision {
    }

    /** The product's grosir config is incomplete, so no join can be judged (409 naming the variant). */
    record Misconfigured(UUID variantId, String variantName, String problem) implements JoinDecision {
    }

    default boolean accepted() {
        return this instanceof Accepted;
    }
}
