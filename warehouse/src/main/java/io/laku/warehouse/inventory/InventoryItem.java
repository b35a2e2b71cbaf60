package io.laku.warehouse.inventory;

import io.laku.platform.stock.Stock;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The stock of one variant (table inventory). Changed only through {@link Inventory#move}. */
@Entity
@Table(name = "inventory")
public class InventoryItem extends PanacheEntityBase {

    @Id
    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "on_hand")
    public long onHand;

    public long reserved;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public Stock stock() {
        return new Stock(onHand, reserved);
    }
}
