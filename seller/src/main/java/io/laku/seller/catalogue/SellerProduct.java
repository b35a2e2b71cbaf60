package io.laku.seller.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A seller's product: its own, or the resale of a factory product. */
@Entity
@Table(name = "seller_product")
public class SellerProduct extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String name;

    public String description;

    @Column(name = "source_product_id")
    public UUID sourceProductId;

    @Column(name = "created_at")
    public Instant createdAt;
}
