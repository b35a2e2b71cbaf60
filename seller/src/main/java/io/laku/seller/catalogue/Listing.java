package io.laku.seller.catalogue;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * A product a seller lists (SPEC §8): its own, or a factory product it resells ({@code sourceProductId}), with
 * seller-specific prices (> 0) and opening stock (>= 0) per variant.
 */
public record Listing(
        @NotBlank @Size(max = 200) String name,
        @Size(max = 2000) String description,
        UUID sourceProductId,
        @NotEmpty @Size(max = 50) List<@NotNull @Valid VariantListing> variants) {

    public record VariantListing(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 64) String sku,
            @NotNull @Positive Long price,
            @NotNull @PositiveOrZero Long stock) {
    }
}
