package io.laku.seller.stock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Generated;

/** One change of a variant's stock or reserved units; the table refuses update and delete. */
@Entity
@Table(name = "stock_movement")
public class StockMovement extends PanacheEntityBase {

    public static final String ADJUSTMENT = "adjustment";
    public static final String RESERVATION = "reservation";
    public static final String RELEASE = "release";
    public static final String DEDUCTION = "deduction";

    @Id
    public UUID id;

    /** Insertion order, assigned by the database. */
    @Generated
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "seller_id")
    public UUID sellerId;

    @Column(name = "variant_id")
    public UUID variantId;

    public String kind;

    @Column(name = "stock_delta")
    public long stockDelta;

    @Column(name = "reserved_delta")
    public long reservedDelta;

    @Column(name = "stock_after")
    public long stockAfter;

    @Column(name = "reserved_after")
    public long reservedAfter;

    @Column(name = "order_id")
    public UUID orderId;

    public String reason;

    public String actor;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    public Instant at;
}
