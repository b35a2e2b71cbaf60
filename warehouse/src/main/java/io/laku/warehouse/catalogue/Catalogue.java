package io.laku.warehouse.catalogue;

import static io.laku.warehouse.support.EventFields.uuid;
import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.product.ConfiguredVariant;
import io.laku.contracts.product.ProductConfigured;
import io.laku.contracts.session.BundleVariant;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.VariantDemand;
import io.laku.warehouse.inventory.Inventory;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * The products and variants the warehouse stocks, kept from group-buying's {@code ProductConfigured}. The first time
 * the warehouse hears of a variant its inventory row is opened at 0 on hand, 0 reserved; later configurations change
 * names and bundle sizes, never stock. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Catalogue {

    private static final Logger LOG = Logger.getLogger(Catalogue.class);

    // An older configuration (a replay with a new event id) never overwrites a newer one.
    private static final String CONFIGURE_PRODUCT = """
            insert into product (id, factory_id, name, configured_at) values (?1, ?2, ?3, ?4)
            on conflict (id) do update set factory_id = excluded.factory_id, name = excluded.name,
                configured_at = excluded.configured_at, updated_at = now()
            where product.configured_at is null or product.configured_at <= excluded.configured_at""";
    private static final String CONFIGURE_VARIANT = """
            insert into variant (id, product_id, name, units_per_bundle, position) values (?1, ?2, ?3, cast(?4 as integer), ?5)
            on conflict (id) do update set name = excluded.name, units_per_bundle = excluded.units_per_bundle,
                position = excluded.position, updated_at = now()""";
    private static final String LEARN_PRODUCT = """
            insert into product (id, factory_id, name, configured_at) values (?1, ?2, '', null)
            on conflict (id) do nothing""";
    private static final String LEARN_VARIANT = """
            insert into variant (id, product_id, name, units_per_bundle, position) values (?1, ?2, ?3, cast(?4 as integer), ?5)
            on conflict (id) do nothing""";

    @Inject
    Inventory inventory;

    public Uni<Void> configured(ProductConfigured configured) {
        UUID productId = uuid(configured.getProductId(), "productId");
        UUID factoryId = uuid(configured.getFactoryId(), "factoryId");
        List<ConfiguredVariant> variants = configured.getVariants();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(CONFIGURE_PRODUCT)
                        .setParameter(1, productId)
                        .setParameter(2, factoryId)
                        .setParameter(3, configured.getName())
                        .setParameter(4, configured.getConfiguredAt())
                        .executeUpdate()
                        .chain(changed -> {
                            if (changed == 0) {
                                LOG.infof("ProductConfigured of %s at %s is older than what the warehouse has; ignored",
                                        productId, configured.getConfiguredAt());
                                return Uni.createFrom().voidItem();
                            }
                            return inOrder(IntStream.range(0, variants.size()).boxed().toList(), i -> {
                                ConfiguredVariant v = variants.get(i);
                                UUID variantId = uuid(v.getVariantId(), "variantId");
                                return session.createNativeQuery(CONFIGURE_VARIANT)
                                        .setParameter(1, variantId)
                                        .setParameter(2, productId)
                                        .setParameter(3, v.getName())
                                        .setParameter(4, v.getUnitsPerBundle())
                                        .setParameter(5, i)
                                        .executeUpdate()
                                        .chain(() -> inventory.open(variantId, productId));
                            }).invoke(() -> LOG.infof("Product %s (%s) configured with %d variants", productId,
                                    configured.getName(), variants.size()));
                        }));
    }

    /**
     * A session confirmed a product the warehouse may not have heard of yet (the two topics are not ordered with
     * each other): what the demand and the bundle's composition say is enough to stock it, so a purchase order holds
     * every variant of a whole bundle. Known products and variants are left as they are.
     */
    public Uni<Void> learnFrom(SessionConfirmed confirmed) {
        UUID productId = uuid(confirmed.getProductId(), "productId");
        UUID factoryId = uuid(confirmed.getFactoryId(), "factoryId");
        Map<UUID, Learnt> variants = new TreeMap<>(); // by id: rows are always locked in the same order
        List<VariantDemand> demand = confirmed.getDemand();
        for (int i = 0; i < demand.size(); i++) {
            VariantDemand line = demand.get(i);
            variants.put(uuid(line.getVariantId(), "demand.variantId"),
                    new Learnt(line.getVariantName(), line.getUnitsPerBundle(), i));
        }
        List<BundleVariant> bundle = confirmed.getBundle();
        for (int i = 0; i < bundle.size(); i++) {
            BundleVariant mate = bundle.get(i);
            variants.putIfAbsent(uuid(mate.getVariantId(), "bundle.variantId"),
                    new Learnt(mate.getVariantName(), mate.getUnitsPerBundle(), demand.size() + i));
        }
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LEARN_PRODUCT)
                        .setParameter(1, productId)
                        .setParameter(2, factoryId)
                        .executeUpdate()
                        .chain(() -> inOrder(List.copyOf(variants.entrySet()), variant -> session
                                .createNativeQuery(LEARN_VARIANT)
                                .setParameter(1, variant.getKey())
                                .setParameter(2, productId)
                                .setParameter(3, variant.getValue().name())
                                .setParameter(4, variant.getValue().unitsPerBundle())
                                .setParameter(5, variant.getValue().position())
                                .executeUpdate()
                                .chain(() -> inventory.open(variant.getKey(), productId)))));
    }

    private record Learnt(String name, Integer unitsPerBundle, int position) {
    }

}
