package io.laku.groupbuying.product;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.contracts.product.ConfiguredVariant;
import io.laku.contracts.product.ProductConfigured;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Products and their grosir config. Every change is validated completely before anything is written, and publishes
 * {@code ProductConfigured} in the same transaction.
 */
@ApplicationScoped
public class ProductService {

    /** One variant's tolerance as requested: the number, and optionally the clearance estimate and notes. */
    record ToleranceInput(int tolerance, BigDecimal clearanceRateEstimate, String notes) {
    }

    @Inject
    OutboxWriter outbox;

    static final int MAX_NAME = 200;
    static final int MAX_VARIANT_NAME = 100;
    static final int MAX_NOTES = 2000;

    @WithTransaction
    public Uni<ProductView> create(JsonNode body, Caller caller) {
        requireObject(body, null);
        String name = text(body, "name");
        if (name == null || name.isBlank()) {
            throw ProblemException.invalid("name", "name is required");
        }
        requireLength(name, MAX_NAME, "name");
        UUID factoryId = uuid(body, "factoryId");
        if (caller.isAdmin()) {
            if (factoryId == null) {
                throw ProblemException.invalid("factoryId", "factoryId is required when an admin creates a product");
            }
        } else {
            UUID self = caller.userId();
            if (factoryId != null && !factoryId.equals(self)) {
                throw ProblemException.forbidden("A factory creates products only for itself");
            }
            factoryId = self;
        }
        Map<String, Integer> bundles = bundles(body.get("bundles"), "bundles");
        Set<String> names = new LinkedHashSet<>(bundles.keySet());
        JsonNode listed = body.get("variants");
        if (listed != null && !listed.isNull()) {
            if (!listed.isArray()) {
                throw ProblemException.invalid("variants", "variants must be a list of variant names");
            }
            for (JsonNode n : listed) {
                if (!n.isTextual() || n.asText().isBlank()) {
                    throw ProblemException.invalid("variants", "variants must be a list of variant names");
                }
                requireLength(n.asText(), MAX_VARIANT_NAME, "variants");
                names.add(n.asText());
            }
        }
        if (names.isEmpty()) {
            throw ProblemException.invalid("bundles", "a product needs at least one variant (bundles or variants)");
        }
        Map<String, ToleranceInput> tolerances = tolerances(body.get("warehouseTolerance"), "warehouseTolerance", names);

        Product product = new Product();
        product.id = UUID.randomUUID();
        product.factoryId = factoryId;
        product.name = name;
        product.createdAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        List<Variant> variants = new ArrayList<>();
        int position = 0;
        for (String variantName : names) {
            Variant v = new Variant();
            v.id = UUID.randomUUID();
            v.productId = product.id;
            v.name = variantName;
            v.position = position++;
            v.unitsPerBundle = bundles.get(variantName);
            ToleranceInput t = tolerances.get(variantName);
            if (t != null) {
                apply(v, t);
            }
            variants.add(v);
        }
        return product.persist()
                .chain(() -> Variant.persist(variants))
                .chain(() -> publish(product, variants));
    }

    @WithSession
    public Uni<ProductView> get(UUID id) {
        return product(id).chain(p -> Variant.ofProduct(id).map(variants -> ProductView.of(p, variants)));
    }

    /** Sets the name (optional; the owner or an admin) and the units per bundle of the named variants (an admin). */
    @WithTransaction
    public Uni<ProductView> update(UUID id, JsonNode body, Caller caller) {
        requireObject(body, null);
        if (body.has("bundles") && !caller.isAdmin()) {
            throw ProblemException.forbidden("Only an admin changes a product's grosir config (units per bundle)");
        }
        return owned(id, caller).chain(product -> Variant.ofProduct(id).chain(variants -> {
            String name = text(body, "name");
            if (body.has("name") && (name == null || name.isBlank())) {
                throw ProblemException.invalid("name", "name must not be blank");
            }
            requireLength(name, MAX_NAME, "name");
            Map<String, Integer> bundles = bundles(body.get("bundles"), "bundles");
            requireKnown(bundles.keySet(), variants, "bundles");
            if (name != null) {
                product.name = name;
            }
            for (Variant v : variants) {
                if (bundles.containsKey(v.name)) {
                    v.unitsPerBundle = bundles.get(v.name);
                }
            }
            return publish(product, variants);
        }));
    }

    /** Sets the warehouse tolerance of the named variants (POST and PUT alike). */
    @WithTransaction
    public Uni<ProductView> setTolerance(UUID id, JsonNode body, Caller caller) {
        requireObject(body, null);
        return owned(id, caller).chain(product -> Variant.ofProduct(id).chain(variants -> {
            Set<String> names = new LinkedHashSet<>();
            variants.forEach(v -> names.add(v.name));
            Map<String, ToleranceInput> tolerances = tolerances(body, null, names);
            for (Variant v : variants) {
                ToleranceInput t = tolerances.get(v.name);
                if (t != null) {
                    apply(v, t);
                }
            }
            return publish(product, variants);
        }));
    }

    private Uni<ProductView> publish(Product product, List<Variant> variants) {
        ProductConfigured event = ProductConfigured.newBuilder()
                .setProductId(product.id.toString())
                .setFactoryId(product.factoryId.toString())
                .setName(product.name)
                .setVariants(variants.stream().map(v -> ConfiguredVariant.newBuilder()
                        .setVariantId(v.id.toString())
                        .setName(v.name)
                        .setUnitsPerBundle(v.unitsPerBundle)
                        .setTolerance(v.tolerance)
                        .build()).toList())
                .setConfiguredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
        return outbox.publish(product.id, event).map(ignored -> ProductView.of(product, variants));
    }

    /** The tolerance resource: per variant name its tolerance (with clearance estimate and notes), plus warnings. */
    static Map<String, Object> toleranceView(ProductView view) {
        Map<String, Object> variants = new LinkedHashMap<>();
        for (ProductView.VariantView v : view.variants()) {
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("variantId", v.id());
            one.put("tolerance", v.tolerance());
            one.put("clearanceRateEstimate", v.clearanceRateEstimate());
            one.put("notes", v.notes());
            variants.put(v.name(), one);
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("productId", view.id());
        result.put("warehouseTolerance", view.warehouseTolerance());
        result.put("variants", variants);
        result.put("warnings", view.warnings());
        return result;
    }

    static Uni<Product> product(UUID id) {
        return Product.<Product>findById(id).onItem().ifNull().failWith(() -> ProblemException.notFound("Product", id));
    }

    private static Uni<Product> owned(UUID id, Caller caller) {
        return product(id).invoke(p -> {
            if (!caller.isAdmin() && !p.factoryId.equals(caller.userId())) {
                throw ProblemException.forbidden("Product " + id + " belongs to another factory");
            }
        });
    }

    private static void apply(Variant v, ToleranceInput t) {
        v.tolerance = t.tolerance();
        if (t.clearanceRateEstimate() != null) {
            v.clearanceRateEstimate = t.clearanceRateEstimate();
        }
        if (t.notes() != null) {
            v.notes = t.notes();
        }
    }

    private static void requireKnown(Set<String> names, List<Variant> variants, String field) {
        for (String n : names) {
            if (variants.stream().noneMatch(v -> v.name.equals(n))) {
                throw ProblemException.invalid(field + "." + n, "unknown variant " + n + " (the product's variants are "
                        + variants.stream().map(v -> v.name).toList() + ")");
            }
        }
    }

    /** {variant name: units per bundle >= 1}; null or absent is an empty map. */
    static Map<String, Integer> bundles(JsonNode node, String field) {
        Map<String, Integer> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        requireObject(node, field);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String f = field + "." + e.getKey();
            if (e.getKey().isBlank()) {
                throw ProblemException.invalid(field, "variant names must not be blank");
            }
            requireLength(e.getKey(), MAX_VARIANT_NAME, field);
            if (!e.getValue().canConvertToInt() || !e.getValue().isIntegralNumber()) {
                throw ProblemException.invalid(f, "units per bundle of variant " + e.getKey() + " must be a whole number");
            }
            int units = e.getValue().intValue();
            if (units < 1) {
                throw ProblemException.invalid(f, "units per bundle of variant " + e.getKey() + " must be >= 1, was " + units);
            }
            result.put(e.getKey(), units);
        }
        return result;
    }

    /**
     * {variant name: tolerance >= 0} or {variant name: {tolerance, clearanceRateEstimate, notes}}. Unknown variant
     * names are rejected with the name.
     */
    static Map<String, ToleranceInput> tolerances(JsonNode node, String field, Set<String> known) {
        Map<String, ToleranceInput> result = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return result;
        }
        requireObject(node, field);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            var e = it.next();
            String name = e.getKey();
            String f = field == null ? name : field + "." + name;
            if (!known.contains(name)) {
                throw ProblemException.invalid(f, "unknown variant " + name + " (the product's variants are " + known + ")");
            }
            JsonNode value = e.getValue();
            JsonNode number = value.isObject() ? value.get("tolerance") : value;
            if (number == null || !number.isIntegralNumber() || !number.canConvertToInt()) {
                throw ProblemException.invalid(f, "tolerance of variant " + name + " must be a whole number");
            }
            int tolerance = number.intValue();
            if (tolerance < 0) {
                throw ProblemException.invalid(f, "tolerance of variant " + name + " must be >= 0, was " + tolerance);
            }
            BigDecimal clearance = null;
            String notes = null;
            if (value.isObject()) {
                JsonNode c = value.get("clearanceRateEstimate");
                if (c != null && !c.isNull()) {
                    if (!c.isNumber() || c.decimalValue().signum() < 0 || c.decimalValue().compareTo(BigDecimal.ONE) > 0) {
                        throw ProblemException.invalid(f + ".clearanceRateEstimate",
                                "clearanceRateEstimate of variant " + name + " must be a number from 0 to 1");
                    }
                    clearance = c.decimalValue();
                }
                JsonNode n = value.get("notes");
                if (n != null && !n.isNull()) {
                    notes = n.asText();
                    requireLength(notes, MAX_NOTES, f + ".notes");
                }
            }
            result.put(name, new ToleranceInput(tolerance, clearance, notes));
        }
        return result;
    }

    private static void requireLength(String value, int max, String field) {
        if (value != null && value.length() > max) {
            throw ProblemException.invalid(field, field + " must be at most " + max + " characters");
        }
    }

    private static void requireObject(JsonNode node, String field) {
        if (node == null || !node.isObject()) {
            throw ProblemException.invalid(field, (field == null ? "the body" : field) + " must be a JSON object");
        }
    }

    private static String text(JsonNode body, String field) {
        JsonNode n = body.get(field);
        if (n == null || n.isNull()) {
            return null;
        }
        if (!n.isTextual()) {
            throw ProblemException.invalid(field, field + " must be a string");
        }
        return n.asText();
    }

    private static UUID uuid(JsonNode body, String field) {
        String value = text(body, field);
        return value == null ? null : RequestParams.uuid(value, field);
    }
}
