package io.laku.order.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A variant on sale at its seller's price, as order knows it from laku.seller. */
@Entity
@Table(name = "store_variant")
public class StoreVariant extends PanacheEntityBase {

    @Id
    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String name;

    public String sku;

    public long price;

    public int position;
}
