package io.laku.ops.dlq;

import io.laku.ops.cli.Output;
import io.laku.ops.kafka.Kafka;
import io.laku.ops.kafka.RangeScan;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;

/**
 * What became of each redriven dead letter: a compacted topic, {@code laku.ops.redrives}, keyed
 * {@code <service>/<event id>}, whose latest value is the last redrive's outcome. Kept in Kafka so that
 * {@code dlq list} reads Kafka alone (no service needs to be up to see what is dead); compaction keeps one
 * record per dead letter however often it is redriven.
 */
public final class Redrives {

    public static final String TOPIC = Kafka.OPS_PREFIX + "redrives";

    /** A redrive's outcome: applied and already_applied close the dead letter, failed keeps it open. */
    public record Marker(String key, String outcome, String reason, Instant at, long dlqOffset) {

        public boolean closes() {
            return "applied".equals(outcome) || "already_applied".equals(outcome) || "skipped".equals(outcome);
        }
    }

    private Redrives() {
    }

    /** The latest marker of every dead letter ever redriven. */
    public static Map<String, Marker> read(Kafka kafka, Output output) {
        Map<String, Marker> markers = new HashMap<>();
        if (!kafka.topics().contains(TOPIC)) {
            return markers;
        }
        int partitions = kafka.partitionCounts(List.of(TOPIC)).get(TOPIC);
        Map<TopicPartition, RangeScan.Range> ranges = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.throwawayConsumer()) {
            List<TopicPartition> all = kafka.partitions(TOPIC, partitions);
            Map<TopicPartition, Long> start = consumer.beginningOffsets(all);
            consumer.endOffsets(all).forEach((p, end) -> ranges.put(p, new RangeScan.Range(start.get(p), end)));
        }
        RangeScan.scan(kafka, ranges, output, "redrive markers", record -> {
            if (record.key() == null || record.value() == null) {
                return;
            }
            String key = new String(record.key(), StandardCharsets.UTF_8);
            try {
                var node = Output.mapper().readTree(record.value());
                markers.put(key, new Marker(key, node.path("outcome").asText(), node.path("reason").isNull() ? null
                        : node.path("reason").asText(null), Instant.ofEpochMilli(record.timestamp()),
                        node.path("dlqOffset").asLong(-1)));
            } catch (java.io.IOException e) {
                // not one of ours: ignore it rather than hide every dead letter behind it
            }
        });
        return markers;
    }

    /** Records a redrive's outcome (and creates the compacted topic the first time). */
    public static void mark(Kafka kafka, DeadLetter letter, String outcome, String reason) {
        ensureTopic(kafka);
        Map<String, Object> value = new java.util.LinkedHashMap<>();
        value.put("service", letter.service());
        value.put("eventId", letter.eventId());
        value.put("outcome", outcome);
        value.put("reason", reason);
        value.put("dlqPartition", letter.partition());
        value.put("dlqOffset", letter.offset());
        value.put("redrivenAt", Instant.now().toString());
        try (KafkaProducer<String, byte[]> producer = kafka.producer()) {
            producer.send(new ProducerRecord<>(TOPIC, letter.markerKey(),
                    Output.toJson(value).getBytes(StandardCharsets.UTF_8))).get(20, TimeUnit.SECONDS);
        } catch (ExecutionException | TimeoutException e) {
            throw new io.laku.ops.cli.PartDownException("Kafka at " + kafka.bootstrap() + " did not take the redrive marker of "
                    + letter.markerKey() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void ensureTopic(Kafka kafka) {
        if (kafka.topics().contains(TOPIC)) {
            return;
        }
        NewTopic topic = new NewTopic(TOPIC, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            kafka.await(kafka.admin().createTopics(List.of(topic)).all(), "create " + TOPIC);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw e;
            }
        }
    }
}
