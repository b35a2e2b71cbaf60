package io.laku.ops.audit;

import io.laku.ops.cli.Output;
import io.laku.ops.kafka.EventDecoder;
import io.laku.ops.kafka.Headers;
import io.laku.ops.kafka.Kafka;
import io.laku.ops.kafka.KeyPartitioner;
import io.laku.ops.kafka.RangeScan;
import io.laku.ops.kafka.RangeScan.Range;
import io.laku.platform.ops.Offsets;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * Every event about one aggregate on every domain topic, in time order, by a bounded scan (no index to keep):
 * <ol>
 * <li>by key: records are keyed by aggregate id, so on each topic only the key's partition (Kafka's default
 * partitioner) is read, from {@code --since} (found with offsetsForTimes) or the start, to {@code --until} or the end;
 * <li>by payload, for products and users, whose events are mostly keyed by a session: every partition is read from
 * {@code --since} (a product: from its first event) and a record is kept when its value holds the id's bytes (Avro
 * writes strings as plain UTF-8, so no record is decoded to be rejected);
 * <li>by link: events keyed by another aggregate that an event found so far points to, e.g. the wallet credit
 * (keyed by user) of a session's refund, under the linked key's partition from the linking event's time on.
 * </ol>
 * Only the records kept are decoded.
 */
public final class Audit {

    /** One event of the story. {@code via} says why it is in it: key, payload, or the link followed. */
    public record Entry(Instant time, String topic, int partition, long offset, String type, String key, String eventId,
            String traceId, String summary, String via) {
    }

    private record Found(ConsumerRecord<byte[], byte[]> record, String via) {
    }

    private static final Comparator<Found> IN_TIME = Comparator.<Found>comparingLong(f -> f.record().timestamp())
            .thenComparing(f -> f.record().topic()).thenComparingInt(f -> f.record().partition())
            .thenComparingLong(f -> f.record().offset());

    private final Kafka kafka;
    private final EventDecoder decoder;
    private final Output output;
    private long recordsRead;

    public Audit(Kafka kafka, EventDecoder decoder, Output output) {
        this.kafka = kafka;
        this.decoder = decoder;
        this.output = output;
    }

    /** How many records the last run read (to say what the scan cost). */
    public long recordsRead() {
        return recordsRead;
    }

    public List<Entry> run(AuditTarget target, Optional<Instant> since, Optional<Instant> until) {
        recordsRead = 0;
        Map<String, Integer> topics = kafka.domainTopics();
        if (topics.isEmpty()) {
            return List.of();
        }
        byte[] key = target.key().getBytes(StandardCharsets.UTF_8);
        Map<String, Found> found = new LinkedHashMap<>();
        try (KafkaConsumer<byte[], byte[]> offsets = kafka.throwawayConsumer()) {
            Bounds bounds = new Bounds(offsets, topics, until);

            Map<TopicPartition, Range> keyed = bounds.ranges(keyPartitions(topics, target.key()), since);
            scan(keyed, "by key " + target.key(), found, record -> java.util.Arrays.equals(record.key(), key) ? "key" : null);

            if (target.kind().namedInOthersPayloads()) {
                Optional<Instant> from = since.or(() -> target.kind() == AuditTarget.Kind.PRODUCT ? earliest(found) : Optional.empty());
                scan(bounds.ranges(allPartitions(topics), from), "payloads naming " + target.key(), found,
                        record -> java.util.Arrays.equals(record.key(), key) ? "key"
                                : RangeScan.contains(record.value(), key) ? "payload" : null);
            }

            followLinks(found, topics, bounds);
        }
        return found.values().stream().sorted(IN_TIME).map(this::entry).toList();
    }

    /** Reads the ranges, keeping the records the rule names a reason for (null: not about the target). */
    private void scan(Map<TopicPartition, Range> ranges, String what, Map<String, Found> found,
            java.util.function.Function<ConsumerRecord<byte[], byte[]>, String> rule) {
        recordsRead += RangeScan.scan(kafka, ranges, output, "audit " + what, record -> {
            String via = rule.apply(record);
            if (via != null) {
                found.putIfAbsent(coordinates(record), new Found(record, via));
            }
        });
    }

    private void followLinks(Map<String, Found> found, Map<String, Integer> topics, Bounds bounds) {
        Map<String, List<Links.Link>> byKey = new HashMap<>();
        Instant earliest = null;
        for (Found f : List.copyOf(found.values())) {
            if (decoder.decode(f.record().topic(), f.record().value()) instanceof EventDecoder.Event event) {
                for (Links.Link link : Links.of(event.record())) {
                    byKey.computeIfAbsent(link.key(), k -> new ArrayList<>()).add(link);
                    Instant at = Instant.ofEpochMilli(f.record().timestamp());
                    earliest = earliest == null || at.isBefore(earliest) ? at : earliest;
                }
            }
        }
        if (byKey.isEmpty()) {
            return;
        }
        Map<TopicPartition, Range> ranges = new HashMap<>();
        Map<TopicPartition, List<Links.Link>> linksOn = new HashMap<>();
        for (var entry : byKey.entrySet()) {
            for (TopicPartition p : keyPartitions(topics, entry.getKey())) {
                linksOn.computeIfAbsent(p, x -> new ArrayList<>()).addAll(entry.getValue());
            }
        }
        Set<TopicPartition> linked = new TreeSet<>(Comparator.comparing(TopicPartition::toString));
        linked.addAll(linksOn.keySet());
        ranges.putAll(bounds.ranges(linked, Optional.ofNullable(earliest)));
        scan(ranges, "links (" + byKey.values().stream().mapToInt(List::size).sum() + ")", found, record -> {
            String recordKey = record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
            for (Links.Link link : linksOn.getOrDefault(new TopicPartition(record.topic(), record.partition()), List.of())) {
                if (link.key().equals(recordKey)
                        && RangeScan.contains(record.value(), link.reference().getBytes(StandardCharsets.UTF_8))) {
                    return link.why();
                }
            }
            return null;
        });
    }

    private Entry entry(Found found) {
        ConsumerRecord<byte[], byte[]> record = found.record();
        String type = Headers.get(record, "eventType");
        String summary = switch (decoder.decode(record.topic(), record.value())) {
            case EventDecoder.Event event -> {
                if (type == null) {
                    type = event.record().getSchema().getName();
                }
                yield Summaries.of(event.record());
            }
            case EventDecoder.Unreadable unreadable -> "(" + unreadable.reason() + ")";
        };
        return new Entry(Instant.ofEpochMilli(record.timestamp()), record.topic(), record.partition(), record.offset(),
                type == null ? "?" : type, record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                Headers.get(record, "id"), Headers.get(record, "traceId"), summary, found.via());
    }

    private static Optional<Instant> earliest(Map<String, Found> found) {
        return found.values().stream().map(f -> Instant.ofEpochMilli(f.record().timestamp())).min(Comparator.naturalOrder());
    }

    private static String coordinates(ConsumerRecord<?, ?> record) {
        return record.topic() + "/" + record.partition() + "@" + record.offset();
    }

    static Set<TopicPartition> keyPartitions(Map<String, Integer> topics, String key) {
        Set<TopicPartition> partitions = new TreeSet<>(Comparator.comparing(TopicPartition::toString));
        topics.forEach((topic, count) -> partitions.add(new TopicPartition(topic, KeyPartitioner.partitionOf(key, count))));
        return partitions;
    }

    private Set<TopicPartition> allPartitions(Map<String, Integer> topics) {
        Set<TopicPartition> partitions = new TreeSet<>(Comparator.comparing(TopicPartition::toString));
        topics.forEach((topic, count) -> partitions.addAll(kafka.partitions(topic, count)));
        return partitions;
    }

    /** Offset ranges from a time (or the start) to --until (or the end as the audit began). */
    private static final class Bounds {
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final Map<TopicPartition, Long> start = new HashMap<>();
        private final Map<TopicPartition, Long> end = new HashMap<>();

        Bounds(KafkaConsumer<byte[], byte[]> consumer, Map<String, Integer> topics, Optional<Instant> until) {
            this.consumer = consumer;
            List<TopicPartition> all = new ArrayList<>();
            topics.forEach((topic, count) -> {
                for (int p = 0; p < count; p++) {
                    all.add(new TopicPartition(topic, p));
                }
            });
            start.putAll(consumer.beginningOffsets(all));
            end.putAll(consumer.endOffsets(all));
            until.ifPresent(to -> end.putAll(Offsets.at(consumer, all, to.plusMillis(1), end)));
        }

        Map<TopicPartition, Range> ranges(Set<TopicPartition> partitions, Optional<Instant> from) {
            Map<TopicPartition, Long> first = from.map(at -> Offsets.at(consumer, partitions, at, end))
                    .orElseGet(() -> {
                        Map<TopicPartition, Long> m = new HashMap<>();
                        partitions.forEach(p -> m.put(p, start.get(p)));
                        return m;
                    });
            Map<TopicPartition, Range> ranges = new HashMap<>();
            for (TopicPartition p : partitions) {
                ranges.put(p, new Range(Math.max(first.get(p), start.get(p)), end.get(p)));
            }
            return ranges;
        }
    }
}
