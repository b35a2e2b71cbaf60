package io.laku.warehouse.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A variant of a product and its factory bundle composition. */
@Entity
@Table(name = "variant")
public class Variant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "product_id")
    public UUID productId;

    public String name;

    /** Units of this variant in one factory bundle; null when the product has no grosir config. */
    @Column(name = "units_per_bundle")
    public Integer unitsPerBundle;

    public int position;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public static Uni<List<Variant>> ofProduct(UUID productId) {
        return list("productId = ?1 order by position, id", productId);
    }
}
