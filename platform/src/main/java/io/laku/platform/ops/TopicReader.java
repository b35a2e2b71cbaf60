package io.laku.platform.ops;

import io.laku.platform.eventing.EventRecord;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Reads exact offset ranges of a topic on a throwaway consumer: no group, assign and seek, nothing committed, so
 * neither the service's live consumer group nor any other group's offsets move.
 */
@ApplicationScoped
public class TopicReader {

    /** A partition's range: {@code from} inclusive, {@code to} exclusive. */
    public record Range(int partition, long from, long to) {
        public long size() {
            return Math.max(0, to - from);
        }
    }

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public KafkaConsumer<String, byte[]> throwaway() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a position Kafka cannot serve fails the replay rather than skipping silently to the end
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, service + "-ops-" + java.util.UUID.randomUUID());
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 50);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 15_000);
        return new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer());
    }

    /** The partition count, or 0 when the topic does not exist. */
    public int partitions(KafkaConsumer<String, byte[]> consumer, String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(15));
        return infos == null ? 0 : infos.size();
    }

    /**
     * The ranges of a replay: every partition from the first record at or after {@code from}, or one partition from
     * an offset; up to the first record after {@code to}, or the end as the replay starts.
     */
    public List<Range> ranges(KafkaConsumer<String, byte[]> consumer, String topic, int partitionCount, Instant from,
            Integer onlyPartition, Long fromOffset, Instant to) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (int p = 0; p < partitionCount; p++) {
            if (onlyPartition == null || onlyPartition == p) {
                partitions.add(new TopicPartition(topic, p));
            }
        }
        Map<TopicPartition, Long> start = consumer.beginningOffsets(partitions);
        Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
        Map<TopicPartition, Long> first = new HashMap<>(start);
        if (from != null) {
            first = Offsets.at(consumer, partitions, from, end);
        } else if (fromOffset != null) {
            first.put(partitions.getFirst(), fromOffset);
        }
        Map<TopicPartition, Long> last = to == null ? end : Offsets.at(consumer, partitions, to.plusMillis(1), end);
        List<Range> ranges = new ArrayList<>();
        for (TopicPartition p : partitions) {
            long lo = Math.max(first.get(p), start.get(p));
            ranges.add(new Range(p.partition(), lo, Math.max(lo, Math.min(last.get(p), end.get(p)))));
        }
        return ranges;
    }

    /** Reads each range in order, handing over chunks of at most {@code chunk} records of one partition. */
    public void read(KafkaConsumer<String, byte[]> consumer, String topic, List<Range> ranges, int chunk,
            Consumer<List<EventRecord>> each) {
        for (Range range : ranges) {
            if (range.size() == 0) {
                continue;
            }
            TopicPartition partition = new TopicPartition(topic, range.partition());
            consumer.assign(List.of(partition));
            consumer.seek(partition, range.from());
            List<EventRecord> pending = new ArrayList<>();
            while (consumer.position(partition) < range.to()) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.offset() < range.to()) {
                        pending.add(EventRecord.of(record));
                        if (pending.size() >= chunk) {
                            each.accept(List.copyOf(pending));
                            pending.clear();
                        }
                    }
                }
            }
            if (!pending.isEmpty()) {
                each.accept(List.copyOf(pending));
            }
        }
    }

    /** The records at the given offsets of a topic's partitions (those that exist), in the order asked. */
    public List<ConsumerRecord<String, byte[]>> at(KafkaConsumer<String, byte[]> consumer, String topic,
            List<Map.Entry<Integer, Long>> coordinates) {
        Map<String, ConsumerRecord<String, byte[]>> found = new HashMap<>();
        Map<Integer, List<Long>> byPartition = new HashMap<>();
        coordinates.forEach(c -> byPartition.computeIfAbsent(c.getKey(), p -> new ArrayList<>()).add(c.getValue()));
        for (var entry : byPartition.entrySet()) {
            TopicPartition partition = new TopicPartition(topic, entry.getKey());
            long lo = entry.getValue().stream().mapToLong(Long::longValue).min().orElseThrow();
            long hi = entry.getValue().stream().mapToLong(Long::longValue).max().orElseThrow();
            consumer.assign(List.of(partition));
            long end = consumer.endOffsets(List.of(partition)).get(partition);
            consumer.seek(partition, lo);
            while (consumer.position(partition) <= hi && consumer.position(partition) < end) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (entry.getValue().contains(record.offset())) {
                        found.put(record.partition() + "@" + record.offset(), record);
                    }
                }
            }
        }
        List<ConsumerRecord<String, byte[]>> ordered = new ArrayList<>();
        coordinates.forEach(c -> {
            ConsumerRecord<String, byte[]> record = found.get(c.getKey() + "@" + c.getValue());
            if (record != null) {
                ordered.add(record);
            }
        });
        return ordered;
    }
}
