package io.laku.groupbuying.product;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A product that sessions sell: its factory and name (variants in {@link Variant}). */
@Entity
@Table(name = "product")
public class Product extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "factory_id")
    public UUID factoryId;

    public String name;

    @Column(name = "created_at")
    public Instant createdAt;
}
