package io.laku.notifications.inapp;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An in-app notice for one person. */
@Entity
@Table(name = "notification")
public class Notification extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    public String kind;

    public String title;

    public String message;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "source_event_id")
    public UUID sourceEventId;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "read_at")
    public Instant readAt;
}
