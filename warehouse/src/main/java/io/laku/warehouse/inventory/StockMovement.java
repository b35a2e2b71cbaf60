package io.laku.warehouse.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One entry of a variant's append-only stock audit trail. */
@Entity
@Table(name = "stock_movement")
public class StockMovement extends PanacheEntityBase {

    public static final String ADJUSTMENT = "adjustment";
    public static final String RESERVATION = "reservation";
    public static final String PURCHASE_ORDER_RECEIPT = "purchase_order_receipt";
    /** The actor of what the saga did on an event. */
    public static final String SAGA = "saga";

    @Id
    public UUID id;

    /** Insertion order, assigned by the database. */
    @Column(insertable = false, updatable = false)
    public Long seq;

    @Column(name = "variant_id")
    public UUID variantId;

    public String kind;

    @Column(name = "on_hand_delta")
    public long onHandDelta;

    @Column(name = "reserved_delta")
    public long reservedDelta;

    @Column(name = "on_hand_after")
    public long onHandAfter;

    @Column(name = "reserved_after")
    public long reservedAfter;

    public String reason;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "purchase_order_id")
    public UUID purchaseOrderId;

    public String actor;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    public Instant at;
}
