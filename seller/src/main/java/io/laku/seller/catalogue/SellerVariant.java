package io.laku.seller.catalogue;

import io.laku.platform.stock.Stock;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A variant on sale: the seller's price, its stock and reserved units. Stock changes only through movements. */
@Entity
@Table(name = "seller_variant")
public class SellerVariant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String name;

    public String sku;

    public long price;

    public long stock;

    public long reserved;

    public int position;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Stock stockLevel() {
        return new Stock(stock, reserved);
    }
}
