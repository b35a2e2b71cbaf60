package io.laku.order.store;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A seller store as order knows it from laku.seller. */
@Entity
@Table(name = "store_seller")
public class StoreSeller extends PanacheEntityBase {

    @Id
    @Column(name = "seller_id")
    public UUID sellerId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "store_name")
    public String storeName;

    /** pending_verification, active or suspended, as the seller service last said. */
    public String status;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public CheckoutSplit.Store store() {
        return new CheckoutSplit.Store(sellerId, userId, "active".equals(status));
    }
}
