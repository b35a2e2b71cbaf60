package io.laku.groupbuying.product;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** A variant of a product (e.g. size M) with its grosir config: units per bundle and warehouse tolerance. */
@Entity
@Table(name = "product_variant")
public class Variant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id")
    public UUID productId;

    public String name;

    public int position;

    @Column(name = "units_per_bundle")
    public Integer unitsPerBundle;

    public Integer tolerance;

    @Column(name = "clearance_rate_estimate")
    public BigDecimal clearanceRateEstimate;

    public String notes;

    public static Uni<List<Variant>> ofProduct(UUID productId) {
        return find("productId = ?1 order by position", productId).list();
    }
}
