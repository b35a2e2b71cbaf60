package io.laku.groupbuying.product;

import io.laku.groupbuying.grosir.GrosirRule;
import io.laku.groupbuying.grosir.ProductVariant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the pure {@link GrosirRule} from a product's stored variants. */
public final class GrosirRules {

    private GrosirRules() {
    }

    public static GrosirRule of(List<Variant> variants) {
        Map<UUID, Integer> bundles = new HashMap<>();
        Map<UUID, Integer> tolerances = new HashMap<>();
        for (Variant v : variants) {
            if (v.unitsPerBundle != null) {
                bundles.put(v.id, v.unitsPerBundle);
            }
            if (v.tolerance != null) {
                tolerances.put(v.id, v.tolerance);
            }
        }
        return GrosirRule.of(variants.stream().map(v -> new ProductVariant(v.id, v.name)).toList(), bundles, tolerances);
    }
}
