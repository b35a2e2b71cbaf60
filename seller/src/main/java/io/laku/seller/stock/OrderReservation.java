package io.laku.seller.stock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What the seller did with one store order: held it, rejected it, then released or deducted what it held. */
@Entity
@Table(name = "order_reservation")
public class OrderReservation extends PanacheEntityBase {

    public static final String RESERVED = "reserved";
    public static final String REJECTED = "rejected";
    public static final String RELEASED = "released";
    public static final String DEDUCTED = "deducted";

    @Id
    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "seller_id")
    public UUID sellerId;

    public String status;

    @Column(name = "rejection_reason")
    public String rejectionReason;

    @Column(name = "rejected_variant_id")
    public UUID rejectedVariantId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
