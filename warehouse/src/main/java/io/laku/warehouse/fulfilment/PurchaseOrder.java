package io.laku.warehouse.fulfilment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Whole bundles ordered from the factory for what a session's demand missed; one per session at most. */
@Entity
@Table(name = "purchase_order")
public class PurchaseOrder extends PanacheEntityBase {

    public static final String OPEN = "open";
    /** Some units arrived, some are still owed. */
    public static final String PARTIALLY_RECEIVED = "partially_received";
    /** Every ordered unit arrived. */
    public static final String RECEIVED = "received";

    @Id
    public UUID id;

    @Column(name = "po_number")
    public String poNumber;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "factory_id")
    public UUID factoryId;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "product_name")
    public String productName;

    public long bundles;

    public String status;

    @Column(name = "created_at")
    public Instant createdAt;

    /** When (and by whom) the delivery that completed the order was counted. */
    @Column(name = "received_at")
    public Instant receivedAt;

    @Column(name = "received_by")
    public UUID receivedBy;
}
