package io.laku.seller.stock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A line of a store order as the seller holds it. */
@Entity
@Table(name = "order_reservation_line")
public class OrderReservationLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "variant_id")
    public UUID variantId;

    public long quantity;

    public int line;
}
