package io.laku.warehouse.fulfilment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One delivery counted against a purchase order by warehouse staff (or an admin). */
@Entity
@Table(name = "purchase_order_receipt")
public class PurchaseOrderReceipt extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "purchase_order_id")
    public UUID purchaseOrderId;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "received_by")
    public UUID receivedBy;

    @Column(name = "received_at")
    public Instant receivedAt;

    /** Units the factory still owed on the purchase order after this delivery. */
    @Column(name = "outstanding_units")
    public long outstandingUnits;

    public String note;

    public static Uni<List<PurchaseOrderReceipt>> ofOrder(UUID purchaseOrderId) {
        return list("purchaseOrderId = ?1 order by receivedAt, id", purchaseOrderId);
    }
}
