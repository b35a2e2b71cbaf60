package io.laku.warehouse.fulfilment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** One variant of a purchase order: bundles x units per bundle ordered, of which missingUnits are for the session. */
@Entity
@Table(name = "purchase_order_line")
public class PurchaseOrderLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "purchase_order_id")
    public UUID purchaseOrderId;

    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "variant_name")
    public String variantName;

    @Column(name = "units_per_bundle")
    public int unitsPerBundle;

    @Column(name = "missing_units")
    public long missingUnits;

    @Column(name = "ordered_units")
    public long orderedUnits;

    /** Units that arrived so far, over all deliveries. */
    @Column(name = "received_units")
    public long receivedUnits;

    Receiving.Line forReceiving() {
        return new Receiving.Line(variantId, orderedUnits, missingUnits, receivedUnits);
    }

    public int position;

    public static Uni<List<PurchaseOrderLine>> ofOrder(UUID purchaseOrderId) {
        return list("purchaseOrderId = ?1 order by position", purchaseOrderId);
    }
}
