package io.laku.order.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A seller's product as order knows it from laku.seller (names for the order's snapshot). */
@Entity
@Table(name = "store_product")
public class StoreProduct extends PanacheEntityBase {

    @Id
    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String name;

    @Column(name = "source_product_id")
    public UUID sourceProductId;

    @Column(name = "listed_at")
    public Instant listedAt;
}
