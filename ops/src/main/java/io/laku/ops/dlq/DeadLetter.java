package io.laku.ops.dlq;

import io.laku.ops.kafka.Headers;
import io.laku.ops.kafka.Kafka;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/**
 * A record a service's consumer gave up on, as SmallRye's dead-letter-queue strategy wrote it to
 * {@code laku.dlq.<service>}: the original key, value and headers ({@code id}, {@code eventType}, {@code traceId})
 * plus {@code dead-letter-reason}, {@code -cause}, {@code -exception-class-name}, {@code -topic}, {@code -partition},
 * {@code -offset}.
 */
public record DeadLetter(String service, int partition, long offset, Instant at, String eventId, String eventType,
        String traceId, String key, String reason, String cause, String exceptionClass, String originalTopic,
        Integer originalPartition, Long originalOffset, byte[] value) {

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        return new DeadLetter(record.topic().substring(Kafka.DLQ_PREFIX.length()), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), Headers.get(record, "id"), Headers.get(record, "eventType"),
                Headers.get(record, "traceId"), record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                Headers.get(record, "dead-letter-reason"), Headers.get(record, "dead-letter-cause"),
                Headers.get(record, "dead-letter-exception-class-name"), Headers.get(record, "dead-letter-topic"),
                number(Headers.get(record, "dead-letter-partition")).map(Long::intValue).orElse(null),
                number(Headers.get(record, "dead-letter-offset")).orElse(null), record.value());
    }

    private static java.util.Optional<Long> number(String value) {
        try {
            return value == null ? java.util.Optional.empty() : java.util.Optional.of(Long.parseLong(value.trim()));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }

    public String topic() {
        return Kafka.DLQ_PREFIX + service;
    }

    /**
     * What names this dead letter among the service's: its event id, or for a record that had none (a poison
     * record without an {@code id} header) its place on the dead-letter topic.
     */
    public String ref() {
        return eventId != null ? eventId : "@" + partition + ":" + offset;
    }

    /** The key of its redrive marker on {@code laku.ops.redrives}. */
    public String markerKey() {
        return service + "/" + ref();
    }

    public String original() {
        return (originalTopic == null ? "?" : originalTopic) + " " + (originalPartition == null ? "?" : originalPartition)
                + "@" + (originalOffset == null ? "?" : originalOffset);
    }

    public Map<String, Object> json() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("service", service);
        m.put("eventId", eventId);
        m.put("eventType", eventType);
        m.put("key", key);
        m.put("traceId", traceId);
        m.put("originalTopic", originalTopic);
        m.put("originalPartition", originalPartition);
        m.put("originalOffset", originalOffset);
        m.put("deadLetteredAt", at.toString());
        m.put("reason", reason);
        m.put("cause", cause);
        m.put("exceptionClass", exceptionClass);
        m.put("dlqTopic", topic());
        m.put("dlqPartition", partition);
        m.put("dlqOffset", offset);
        return m;
    }
}
