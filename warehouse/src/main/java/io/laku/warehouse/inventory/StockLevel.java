package io.laku.warehouse.inventory;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.Immutable;
import org.hibernate.annotations.Synchronize;

/** A variant's stock with the names it is known by (the read-only view stock_level). */
@Entity
@Immutable
@Synchronize({"inventory", "variant", "product"})
@Table(name = "stock_level")
public class StockLevel extends PanacheEntityBase {

    @Id
    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "variant_name")
    public String variantName;

    @Column(name = "units_per_bundle")
    public Integer unitsPerBundle;

    public int position;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "product_name")
    public String productName;

    @Column(name = "factory_id")
    public UUID factoryId;

    @Column(name = "on_hand")
    public long onHand;

    public long reserved;

    public long available;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
