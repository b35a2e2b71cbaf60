package io.laku.platform.eventing;

import io.laku.contracts.EventCatalog;
import io.laku.platform.sql.MultiRow;
import io.laku.platform.trace.TraceIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.jboss.logging.Logger;

/**
 * Publishes an event by writing it to this service's outbox table inside the caller's transaction:
 * the event exists exactly when the state change it announces is committed. Debezium reads the row
 * from the WAL and routes it to {@code laku.<aggregate>} with headers {@code id}, {@code eventType}
 * and {@code traceId}.
 */
@ApplicationScoped
public class OutboxWriter {

    private static final Logger LOG = Logger.getLogger(OutboxWriter.class);

    private static final String INSERT = """
            insert into outbox_event (id, aggregate_type, aggregate_id, event_type, payload, trace_id, created_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)""";

    @Inject
    EventCodec codec;

    /**
     * Must run inside a transaction ({@code @WithTransaction} or {@code Panache.withTransaction}).
     *
     * @param aggregateId the Kafka key: all events of one aggregate stay in order
     * @return the event id
     */
    public Uni<UUID> publish(Object aggregateId, SpecificRecord event) {
        UUID eventId = UUID.randomUUID();
        EventCatalog.Aggregate aggregate = EventCatalog.aggregateOf(event.getClass());
        String eventType = event.getSchema().getName();
        byte[] payload = codec.encode(event);
        String traceId = TraceIds.current();
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, eventId)
                        .setParameter(2, aggregate.type())
                        .setParameter(3, aggregateId.toString())
                        .setParameter(4, eventType)
                        .setParameter(5, payload)
                        .setParameter(6, traceId)
                        .setParameter(7, Instant.now())
                        .executeUpdate())
                .invoke(() -> LOG.debugf("Outbox %s %s for %s %s", eventType, eventId, aggregate.type(), aggregateId))
                .replaceWith(eventId);
    }

    /** An event, its aggregate (its Kafka key) and its trace (null: the caller's). */
    public record Keyed(Object aggregateId, SpecificRecord event, String traceId) {
        public Keyed(Object aggregateId, SpecificRecord event) {
            this(aggregateId, event, null);
        }
    }

    /**
     * Publishes events of one aggregate in the order given, in as few statements as the size allows (a session's
     * end is one event per seat). Must run inside a transaction.
     */
    public Uni<Void> publishAll(Object aggregateId, List<? extends SpecificRecord> events) {
        return publishAll(events.stream().map(event -> new Keyed(aggregateId, event)).toList());
    }

    /** Publishes events, each of its own aggregate, in the order given, in as few statements as the size allows. */
    public Uni<Void> publishAll(List<Keyed> events) {
        String traceId = TraceIds.current();
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (Keyed keyed : events) {
            SpecificRecord event = keyed.event();
            rows.add(new Object[] {UUID.randomUUID(), EventCatalog.aggregateOf(event.getClass()).type(),
                    keyed.aggregateId().toString(), event.getSchema().getName(), codec.encode(event),
                    keyed.traceId() == null ? traceId : keyed.traceId(), now});
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Object[]> chunk : MultiRow.chunks(rows)) {
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var insert = session.createNativeQuery("insert into outbox_event (id, aggregate_type, aggregate_id, "
                        + "event_type, payload, trace_id, created_at) values " + MultiRow.tuples(chunk.size(), 7));
                int parameter = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        insert.setParameter(parameter++, value);
                    }
                }
                return insert.executeUpdate();
            })).replaceWithVoid();
        }
        return chain.invoke(() -> LOG.debugf("Outbox: %d events", events.size()));
    }
}
