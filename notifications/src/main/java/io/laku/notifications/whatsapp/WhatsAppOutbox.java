package io.laku.notifications.whatsapp;

import io.laku.platform.eventing.InboundEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Stores outgoing WhatsApp messages in the caller's transaction (the consumer's, with its inbox row);
 * {@link WhatsAppSender} sends them later, outside any transaction. A message for someone without a number
 * waits ({@code waiting_for_contact}) until they set one.
 */
@ApplicationScoped
public class WhatsAppOutbox {

    private static final Logger LOG = Logger.getLogger(WhatsAppOutbox.class);

    private static final String QUEUE = """
            insert into whatsapp_message (id, user_id, to_phone, kind, body, source_event_id, fact_key, status, attempts,
                                          next_attempt_at, created_at)
            select ?1, ?2, c.phone, ?3, ?4, ?5, ?6,
                   case when c.phone is null then 'waiting_for_contact' else 'pending' end, 0, ?7, ?8
            from (values (1)) as one (x) left join whatsapp_contact c on c.user_id = ?9
            on conflict do nothing""";

    /**
     * Queues one message for a person; nothing when this event (or the same fact: {@code factKey}) already
     * queued one of this kind for them.
     */
    public Uni<Void> queue(InboundEvent event, UUID userId, String kind, String factKey, String body) {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(QUEUE)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, userId)
                        .setParameter(3, kind)
                        .setParameter(4, body)
                        .setParameter(5, event.id())
                        .setParameter(6, factKey)
                        .setParameter(7, now)
                        .setParameter(8, now)
                        .setParameter(9, userId)
                        .executeUpdate())
                .invoke(queued -> LOG.infof("WhatsApp %s for %s (%s): %s", kind, userId, factKey,
                        queued == 1 ? "queued" : "already queued"))
                .replaceWithVoid();
    }
}
