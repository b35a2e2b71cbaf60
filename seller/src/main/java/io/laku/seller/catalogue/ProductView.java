package io.laku.seller.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A seller's product as its seller sees it: price, stock, reserved and available per variant. */
public record ProductView(UUID id, UUID sellerId, String name, String description, UUID sourceProductId,
        List<VariantView> variants, Instant createdAt) {

    public record VariantView(UUID id, String name, String sku, long price, long stock, long reserved, long available) {
        public static VariantView of(SellerVariant v) {
            return new VariantView(v.id, v.name, v.sku, v.price, v.stock, v.reserved, v.stock - v.reserved);
        }
    }

    /** What anyone sees: the price and what can be bought now, not the seller's stock count. */
    public record PublicProduct(UUID id, UUID sellerId, String storeName, boolean onSale, String name,
            String description, UUID sourceProductId, List<PublicVariant> variants) {
    }

    public record PublicVariant(UUID id, String name, String sku, long price, long available) {
    }

    public record ProductPage(List<ProductView> items, int page, int size, long total) {
    }

    static ProductView of(SellerProduct p, List<SellerVariant> variants) {
        return new ProductView(p.id, p.sellerId, p.name, p.description, p.sourceProductId,
                variants.stream().map(VariantView::of).toList(), p.createdAt);
    }
}
