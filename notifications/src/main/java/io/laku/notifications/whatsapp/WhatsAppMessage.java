package io.laku.notifications.whatsapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An outgoing WhatsApp message and what happened to it. */
@Entity
@Table(name = "whatsapp_message")
public class WhatsAppMessage extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String WAITING_FOR_CONTACT = "waiting_for_contact";
    public static final String SENT = "sent";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "to_phone")
    public String toPhone;

    public String kind;

    public String body;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "fact_key")
    public String factKey;

    public String status;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "provider_message_id")
    public String providerMessageId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "sent_at")
    public Instant sentAt;
}
