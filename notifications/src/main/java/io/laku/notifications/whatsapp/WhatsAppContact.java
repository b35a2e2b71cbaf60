package io.laku.notifications.whatsapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** The number a person receives WhatsApp messages on. */
@Entity
@Table(name = "whatsapp_contact")
public class WhatsAppContact extends PanacheEntityBase {

    @Id
    @Column(name = "user_id")
    public UUID userId;

    public String phone;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
