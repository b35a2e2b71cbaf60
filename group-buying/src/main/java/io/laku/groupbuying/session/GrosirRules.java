package io.laku.groupbuying.session;

import io.laku.groupbuying.grosir.GrosirRule;
import io.laku.groupbuying.grosir.ProductVariant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Builds the pure {@link GrosirRule} of a session from the config it opened with. */
public final class GrosirRules {

    private GrosirRules() {
    }

    public static GrosirRule of(List<SessionVariant> variants) {
        Map<UUID, Integer> bundles = new HashMap<>();
        Map<UUID, Integer> tolerances = new HashMap<>();
        for (SessionVariant v : variants) {
            if (v.unitsPerBundle != null) {
                bundles.put(v.variantId, v.unitsPerBundle);
            }
            if (v.tolerance != null) {
                tolerances.put(v.variantId, v.tolerance);
            }
        }
        return GrosirRule.of(variants.stream().map(v -> new ProductVariant(v.variantId, v.name)).toList(), bundles,
                tolerances);
    }
}
