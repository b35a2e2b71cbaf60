package io.laku.warehouse.catalogue;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A product the warehouse stocks, as group-buying configured it. */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "factory_id")
    public UUID factoryId;

    /** Empty while the warehouse knows the product only from a session's demand. */
    public String name;

    @Column(name = "configured_at")
    public Instant configuredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
