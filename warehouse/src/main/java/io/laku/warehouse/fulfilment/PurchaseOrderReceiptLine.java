package io.laku.warehouse.fulfilment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** One variant of a counted delivery: counted, reserved for the session, still owed, beyond the order. */
@Entity
@Table(name = "purchase_order_receipt_line")
public class PurchaseOrderReceiptLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "receipt_id")
    public UUID receiptId;

    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "counted_units")
    public long countedUnits;

    @Column(name = "reserved_units")
    public long reservedUnits;

    @Column(name = "outstanding_units")
    public long outstandingUnits;

    @Column(name = "over_units")
    public long overUnits;

    public static Uni<List<PurchaseOrderReceiptLine>> ofReceipts(Collection<UUID> receiptIds) {
        return receiptIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("receiptId in ?1", receiptIds);
    }
}
