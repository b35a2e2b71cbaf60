package io.laku.order.store;

import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.seller.ListedVariant;
import io.laku.contracts.seller.SellerProductListed;
import io.laku.contracts.seller.SellerRegistered;
import io.laku.contracts.seller.SellerSuspended;
import io.laku.contracts.seller.SellerVerified;
import io.laku.platform.eventing.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What order knows of the seller stores, kept from laku.seller (keyed by seller, so one seller's facts arrive in
 * order): who sells, and what each listed variant costs. Every effect is an upsert, so a replay changes nothing.
 */
@ApplicationScoped
public class StoreCatalogue {

    private static final Logger LOG = Logger.getLogger(StoreCatalogue.class);

    private static final String SELLER = """
            insert into store_seller (seller_id, user_id, store_name, status, updated_at) values (?1, ?2, ?3, ?4, ?5)
            on conflict (seller_id) do update set status = excluded.status, updated_at = excluded.updated_at
            where ?6""";
    private static final String PRODUCT = """
            insert into store_product (product_id, seller_id, name, source_product_id, listed_at) values (?1, ?2, ?3, ?4, ?5)
            on conflict (product_id) do nothing""";
    private static final String VARIANT = """
            insert into store_variant (variant_id, product_id, seller_id, name, sku, price, position)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (variant_id) do nothing""";

    public Uni<Void> registered(SellerRegistered registered) {
        return seller(registered.getSellerId(), registered.getUserId(), registered.getStoreName(), "pending_verification",
                registered.getRegisteredAt(), false);
    }

    public Uni<Void> verified(SellerVerified verified) {
        return seller(verified.getSellerId(), verified.getUserId(), "", "active", verified.getVerifiedAt(), true);
    }

    public Uni<Void> suspended(SellerSuspended suspended) {
        return seller(suspended.getSellerId(), suspended.getUserId(), "", "suspended", suspended.getSuspendedAt(), true);
    }

    public Uni<Void> listed(SellerProductListed listed) {
        UUID productId = uuid(listed.getProductId(), "productId");
        UUID sellerId = uuid(listed.getSellerId(), "sellerId");
        List<ListedVariant> variants = new ArrayList<>(listed.getVariants());
        return Panache.getSession().chain(session -> session.createNativeQuery(PRODUCT)
                        .setParameter(1, productId).setParameter(2, sellerId).setParameter(3, listed.getName())
                        .setParameter(4, listed.getSourceProductId() == null ? null
                                : uuid(listed.getSourceProductId(), "sourceProductId"))
                        .setParameter(5, listed.getListedAt()).executeUpdate()
                        .chain(() -> inOrder(variants, v -> session.createNativeQuery(VARIANT)
                                .setParameter(1, uuid(v.getVariantId(), "variantId")).setParameter(2, productId)
                                .setParameter(3, sellerId).setParameter(4, v.getName()).setParameter(5, v.getSku())
                                .setParameter(6, v.getPrice()).setParameter(7, variants.indexOf(v)).executeUpdate())))
                .invoke(() -> LOG.infof("Store product %s of seller %s on sale: %d variants", productId, sellerId,
                        variants.size()));
    }

    private Uni<Void> seller(String sellerId, String userId, String storeName, String status, Instant at, boolean update) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SELLER)
                        .setParameter(1, uuid(sellerId, "sellerId")).setParameter(2, uuid(userId, "userId"))
                        .setParameter(3, storeName).setParameter(4, status).setParameter(5, at).setParameter(6, update)
                        .executeUpdate())
                .invoke(() -> LOG.infof("Store seller %s: %s", sellerId, status))
                .replaceWithVoid();
    }

    static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}
