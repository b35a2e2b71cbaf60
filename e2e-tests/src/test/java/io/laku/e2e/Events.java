package io.laku.e2e;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes an event exactly as a service's outbox does (registry-framed Avro, key = aggregate id,
 * headers id / eventType / traceId), for tests that play a service's part.
 */
final class Events {

    private Events() {
    }

    static RecordMetadata publish(String topic, String key, SpecificRecord event) {
        return publish(topic, key, event, UUID.randomUUID());
    }

    static RecordMetadata publish(String topic, String key, SpecificRecord event, UUID eventId) {
        return Topics.send(record(topic, key, event, eventId));
    }

    /** Events of one key published together, so that a consumer's poll is likely to take them as one run. */
    static List<RecordMetadata> publishAll(String topic, String key, List<? extends SpecificRecord> events,
            List<UUID> eventIds) {
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < events.size(); i++) {
            records.add(record(topic, key, events.get(i), eventIds.get(i)));
        }
        return Topics.sendAll(records);
    }

    private static ProducerRecord<String, byte[]> record(String topic, String key, SpecificRecord event, UUID eventId) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, key, AvroPayloads.encode(event));
        record.headers().add("id", eventId.toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.getSchema().getName().getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceId", ("e2e-" + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8));
        return record;
    }
}
