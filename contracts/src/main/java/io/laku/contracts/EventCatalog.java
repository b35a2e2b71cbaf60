package io.laku.contracts;

import io.laku.contracts.session.SessionCreated;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificRecord;

/**
 * Every event Laku publishes, and the aggregate (so the topic) it belongs to.
 *
 * <p>One topic per aggregate type: {@code laku.<aggregate>}, keyed by the aggregate id, so the
 * events of one session stay in order on one partition. Add a new event here and in
 * {@code contracts/avro/}; the services register every schema listed here with the registry
 * when they start.
 */
public final class EventCatalog {

    public enum Aggregate {
        SESSION("session");

        private final String type;

        Aggregate(String type) {
            this.type = type;
        }

        /** The outbox {@code aggregate_type} column; Debezium routes it to {@link #topic()}. */
        public String type() {
            return type;
        }

        public String topic() {
            return "laku." + type;
        }
    }

    private static final Map<Class<? extends SpecificRecord>, Aggregate> EVENTS = Map.of(
            SessionCreated.class, Aggregate.SESSION);

    private EventCatalog() {
    }

    public static Aggregate aggregateOf(Class<? extends SpecificRecord> eventType) {
        return Optional.ofNullable(EVENTS.get(eventType))
                .orElseThrow(() -> new IllegalArgumentException(eventType.getName() + " is not in the event catalogue"));
    }

    public static List<Schema> schemas() {
        return EVENTS.keySet().stream().map(EventCatalog::schemaOf).toList();
    }

    public static Schema schemaOf(Class<? extends SpecificRecord> eventType) {
        try {
            return (Schema) eventType.getField("SCHEMA$").get(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(eventType + " is not an Avro-generated class", e);
        }
    }
}
