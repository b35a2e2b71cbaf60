package io.laku.order.ordering;

import java.util.Map;
import java.util.UUID;

/**
 * The names a product and its variants had when group-buying last configured them (ProductConfigured), for the
 * order's snapshot. Either may be missing when that event has not been seen; the snapshot then falls back.
 */
public record ProductNames(String productName, Map<UUID, String> variantNames) {

    public static final ProductNames UNKNOWN = new ProductNames(null, Map.of());

    public ProductNames {
        variantNames = Map.copyOf(variantNames);
    }

    /** The configured product name, else the product id (an order must always name what was bought). */
    String productName(UUID productId) {
        return productName == null || productName.isBlank() ? productId.toString() : productName;
    }

    /** The configured variant name, else the name the session's demand gave it, else the variant id. */
    String variantName(UUID variantId, String demandName) {
        String configured = variantNames.get(variantId);
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        return demandName == null || demandName.isBlank() ? variantId.toString() : demandName;
    }
}
