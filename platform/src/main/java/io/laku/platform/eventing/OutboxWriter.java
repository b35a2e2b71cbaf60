package io.laku.platform.eventing;

import io.laku.contracts.EventCatalog;
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

    /**
     * Publishes events of one aggregate in the order given, in as few statements as the size allows (a session's
     * end is one event per seat). Must run inside a transaction.
     */
    public Uni<Void> publishAll(Object aggregateId, List<? extends SpecificRecord> events) {
        String traceId = TraceIds.current();
        Instant now = Instant.now();
        List<Object[]> rows = new ArrayList<>(events.size());
        for (SpecificRecord event : events) {
            rows.add(new Object[] {UUID.randomUUID(), EventCatalog.aggregateOf(event.getClass()).type(),
                    aggregateId.toString(), event.getSchema().getName(), codec.encode(event), traceId, now});
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int from = 0; from < rows.size(); from += ROWS_PER_STATEMENT) {
            List<Object[]> chunk = rows.subList(from, Math.min(rows.size(), from + ROWS_PER_STATEMENT));
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var insert = session.createNativeQuery(insertOf(chunk.size()));
                int parameter = 1;
                for (Object[] row : chunk) {
                    for (Object value : row) {
                        insert.setParameter(parameter++, value);
                    }
                }
                return insert.executeUpdate();
            })).replaceWithVoid();
        }
        return chain.invoke(() -> LOG.debugf("Outbox: %d events for %s", events.size(), aggregateId));
    }

    private static final int ROWS_PER_STATEMENT = 100;

    private static String insertOf(int rows) {
        StringBuilder sql = new StringBuilder(
                "insert into outbox_event (id, aggregate_type, aggregate_id, event_type, payload, trace_id, created_at) values ");
        for (int row = 0; row < rows; row++) {
            int p = row * 7;
            sql.append(row == 0 ? "" : ", ").append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d, ?%d)", p + 1, p + 2,
                    p + 3, p + 4, p + 5, p + 6, p + 7));
        }
        return sql.toString();
    }
}
