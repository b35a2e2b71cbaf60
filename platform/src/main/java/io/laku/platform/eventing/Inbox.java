package io.laku.platform.eventing;

import io.laku.platform.sql.MultiRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Remembers which events each consumer has applied. Dedupe is keyed by (consumer, event id), so a
 * replay into one consumer never suppresses another consumer of the same event.
 */
@ApplicationScoped
public class Inbox {

    private static final String RECORD = """
            insert into inbox_event (consumer, event_id, event_type) values (?1, ?2, ?3)
            on conflict do nothing""";

    /**
     * Records the event for this consumer in the current transaction.
     *
     * @return true the first time, false when it was already applied (the caller then does nothing).
     *     A concurrent first delivery waits on the primary key until the other transaction ends.
     */
    public Uni<Boolean> firstDelivery(String consumer, UUID eventId, String eventType) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(RECORD)
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .setParameter(3, eventType)
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    /**
     * Records a run of events for this consumer in the current transaction, in multi-row statements.
     *
     * @return the ids of those seen for the first time (the others were applied before)
     */
    public Uni<Set<UUID>> firstDeliveries(String consumer, List<InboundEvent> events) {
        Set<UUID> fresh = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<InboundEvent> chunk : MultiRow.chunks(events)) {
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var insert = session.<UUID>createNativeQuery("insert into inbox_event (consumer, event_id, event_type) values "
                        + MultiRow.tuples(chunk.size(), 3) + " on conflict do nothing returning event_id");
                int parameter = 1;
                for (InboundEvent event : chunk) {
                    insert.setParameter(parameter++, consumer);
                    insert.setParameter(parameter++, event.id());
                    insert.setParameter(parameter++, event.type());
                }
                return insert.getResultList();
            })).invoke(fresh::addAll).replaceWithVoid();
        }
        return chain.replaceWith(fresh);
    }

    /** Whether this consumer has applied the event (for a dry run; writes nothing). */
    public Uni<Boolean> applied(String consumer, UUID eventId) {
        return Panache.getSession()
                .chain(session -> session.<Long>createNativeQuery(
                                "select count(*) from inbox_event where consumer = ?1 and event_id = ?2")
                        .setParameter(1, consumer)
                        .setParameter(2, eventId)
                        .getSingleResult())
                .map(count -> count > 0);
    }
}
