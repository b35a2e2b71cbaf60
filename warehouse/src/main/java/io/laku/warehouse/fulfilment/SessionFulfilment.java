package io.laku.warehouse.fulfilment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The warehouse's answer to a confirmed session; one per session, which makes fulfilling it a once-only step. */
@Entity
@Table(name = "session_fulfilment")
public class SessionFulfilment extends PanacheEntityBase {

    /** The whole demand is held in stock. */
    public static final String RESERVED = "reserved";
    /** Part of the demand waits for the factory's purchase order. */
    public static final String AWAITING_PURCHASE_ORDER = "awaiting_purchase_order";

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "factory_id")
    public UUID factoryId;

    public String status;

    /** True when the stock on hand covered the whole demand (no purchase order). */
    @Column(name = "from_stock_on_hand")
    public boolean fromStockOnHand;

    @Column(name = "purchase_order_id")
    public UUID purchaseOrderId;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
