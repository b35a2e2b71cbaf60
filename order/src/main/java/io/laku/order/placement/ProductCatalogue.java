package io.laku.order.placement;

import io.laku.contracts.product.ConfiguredVariant;
import io.laku.contracts.product.ProductConfigured;
import io.laku.order.ordering.ProductNames;
import io.laku.platform.eventing.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Product and variant names from ProductConfigured (laku.product), for the orders' snapshots. An older
 * configuration arriving late never overwrites a newer one.
 */
@ApplicationScoped
public class ProductCatalogue {

    private static final String UPSERT_PRODUCT = """
            insert into product (product_id, name, configured_at) values (?1, ?2, ?3)
            on conflict (product_id) do update set name = excluded.name, configured_at = excluded.configured_at
            where product.configured_at <= excluded.configured_at""";
    private static final String UPSERT_VARIANT = """
            insert into product_variant (variant_id, product_id, name, configured_at) values (?1, ?2, ?3, ?4)
            on conflict (variant_id) do update set product_id = excluded.product_id, name = excluded.name,
                configured_at = excluded.configured_at
            where product_variant.configured_at <= excluded.configured_at""";

    public Uni<Void> configured(ProductConfigured configured) {
        UUID productId = uuid(configured.getProductId(), "productId");
        Instant at = configured.getConfiguredAt();
        return Panache.getSession().chain(session -> {
            Uni<Integer> chain = session.createNativeQuery(UPSERT_PRODUCT)
                    .setParameter(1, productId).setParameter(2, configured.getName()).setParameter(3, at)
                    .executeUpdate();
            for (ConfiguredVariant variant : configured.getVariants()) {
                UUID variantId = uuid(variant.getVariantId(), "variantId");
                chain = chain.chain(() -> session.createNativeQuery(UPSERT_VARIANT)
                        .setParameter(1, variantId).setParameter(2, productId).setParameter(3, variant.getName())
                        .setParameter(4, at).executeUpdate());
            }
            return chain;
        }).replaceWithVoid();
    }

    /** The names known for a product; {@link ProductNames#UNKNOWN}'s fallbacks apply to whatever is missing. */
    Uni<ProductNames> names(UUID productId) {
        return Panache.getSession().chain(session -> session
                .<String>createNativeQuery("select name from product where product_id = ?1")
                .setParameter(1, productId).getResultList()
                .chain(product -> session.createNativeQuery(
                                "select variant_id, name from product_variant where product_id = ?1", Object[].class)
                        .setParameter(1, productId).getResultList()
                        .map(variants -> new ProductNames(product.isEmpty() ? null : product.getFirst(),
                                variantNames(variants)))));
    }

    private static Map<UUID, String> variantNames(List<Object[]> rows) {
        Map<UUID, String> names = new HashMap<>();
        rows.forEach(row -> names.put((UUID) row[0], (String) row[1]));
        return names;
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("ProductConfigured: " + field + " is not a UUID: " + value);
        }
    }
}
