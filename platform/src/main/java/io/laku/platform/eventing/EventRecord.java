package io.laku.platform.eventing;

import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.api.IncomingKafkaRecordMetadata;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

/** A record as it sits on a topic, before it is read as an event: where it is, its key, headers and bytes. */
public record EventRecord(String topic, int partition, long offset, Instant timestamp, String key, byte[] value,
        Headers headers) {

    public static EventRecord of(KafkaRecord<String, byte[]> record) {
        @SuppressWarnings("unchecked")
        IncomingKafkaRecordMetadata<String, byte[]> incoming = record.getMetadata(IncomingKafkaRecordMetadata.class)
                .orElseThrow(() -> new IllegalArgumentException("not an incoming Kafka record: " + record));
        return of(incoming.getRecord());
    }

    public static EventRecord of(ConsumerRecord<String, byte[]> record) {
        return new EventRecord(record.topic(), record.partition(), record.offset(),
                Instant.ofEpochMilli(record.timestamp()), record.key(), record.value(), record.headers());
    }

    /** A header as text; Connect's SimpleHeaderConverter writes strings as-is, a JSON converter would quote them. */
    public String header(String name) {
        Header header = headers == null ? null : headers.lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                ? value.substring(1, value.length() - 1) : value;
    }

    public String position() {
        return topic + "-" + partition + "@" + offset;
    }
}
