package io.laku.groupbuying.product;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A product with its grosir config as the REST API shows it. {@code bundles} and {@code warehouseTolerance} are
 * keyed by variant name, like the requests; {@code warnings} lists variants whose tolerance is smaller than one
 * bundle (every session of the product then stays at one bundle).
 */
public record ProductView(UUID id, UUID factoryId, String name, Instant createdAt, List<VariantView> variants,
        Map<String, Integer> bundles, Map<String, Integer> warehouseTolerance, List<String> warnings) {

    public record VariantView(UUID id, String name, int position, Integer unitsPerBundle, Integer tolerance,
            BigDecimal clearanceRateEstimate, String notes) {
    }

    static ProductView of(Product p, List<Variant> variants) {
        List<VariantView> views = new ArrayList<>();
        Map<String, Integer> bundles = new LinkedHashMap<>();
        Map<String, Integer> tolerances = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (Variant v : variants) {
            views.add(new VariantView(v.id, v.name, v.position, v.unitsPerBundle, v.tolerance, v.clearanceRateEstimate,
                    v.notes));
            if (v.unitsPerBundle != null) {
                bundles.put(v.name, v.unitsPerBundle);
            }
            if (v.tolerance != null) {
                tolerances.put(v.name, v.tolerance);
            }
            if (v.unitsPerBundle != null && v.tolerance != null && v.tolerance < v.unitsPerBundle) {
                warnings.add("variant " + v.name + ": tolerance " + v.tolerance + " is smaller than one bundle ("
                        + v.unitsPerBundle + " units), so every session of this product is limited to one bundle");
            }
        }
        return new ProductView(p.id, p.factoryId, p.name, p.createdAt, views, bundles, tolerances, warnings);
    }
}
