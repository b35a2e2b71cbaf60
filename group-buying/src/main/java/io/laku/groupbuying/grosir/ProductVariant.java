package io.laku.groupbuying.grosir;

import java.util.Objects;
import java.util.UUID;

/** A variant of a product (e.g. the "M" size of a hoodie), as the grosir rule needs it: its id and display name. */
public record ProductVariant(UUID id, String name) {

    public ProductVariant {
        Objects.requireNonNull(id, "variant id");
        Objects.requireNonNull(name, "variant name");
    }
}
