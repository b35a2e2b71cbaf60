package io.laku.warehouse.fulfilment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** One variant of a session's demand, and how much of it the stock on hand covered at confirmation. */
@Entity
@Table(name = "session_fulfilment_line")
public class SessionFulfilmentLine extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "variant_name")
    public String variantName;

    public long units;

    @Column(name = "units_per_bundle")
    public Integer unitsPerBundle;

    @Column(name = "reserved_from_stock")
    public long reservedFromStock;

    public int position;

    public static Uni<List<SessionFulfilmentLine>> ofSession(UUID sessionId) {
        return list("sessionId = ?1 order by position", sessionId);
    }
}
