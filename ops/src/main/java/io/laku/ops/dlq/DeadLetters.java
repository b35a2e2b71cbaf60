package io.laku.ops.dlq;

import io.laku.ops.cli.Output;
import io.laku.ops.kafka.Kafka;
import io.laku.ops.kafka.RangeScan;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

/**
 * The dead letters of every service (or one), read from {@code laku.dlq.*} with the redrive markers applied: a dead
 * letter whose last redrive applied it is closed; one whose last redrive failed stays open with the new reason.
 */
public final class DeadLetters {

    /** A dead letter as ops sees it now: the latest record for its event, and its last redrive if any. */
    public record Open(DeadLetter letter, Optional<Redrives.Marker> lastRedrive) {

        /** The reason it is dead now: the failed redrive's when there was one. */
        public String reason() {
            return lastRedrive.filter(m -> !m.closes()).map(Redrives.Marker::reason).orElse(letter.reason());
        }

        public String state() {
            return lastRedrive.map(m -> m.closes() ? "redriven: " + m.outcome() : "redrive failed").orElse("dead");
        }

        public boolean closed() {
            return lastRedrive.map(Redrives.Marker::closes).orElse(false);
        }
    }

    private DeadLetters() {
    }

    /** Every dead letter ever written, in the order they were written (oldest first). */
    public static List<DeadLetter> all(Kafka kafka, Optional<String> service, Output output) {
        Map<String, Integer> topics = kafka.deadLetterTopics();
        service.ifPresent(s -> topics.keySet().retainAll(List.of(Kafka.DLQ_PREFIX + s)));
        List<DeadLetter> letters = new ArrayList<>();
        if (topics.isEmpty()) {
            return letters;
        }
        Map<TopicPartition, RangeScan.Range> ranges = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = kafka.throwawayConsumer()) {
            List<TopicPartition> all = new ArrayList<>();
            topics.forEach((topic, count) -> all.addAll(kafka.partitions(topic, count)));
            Map<TopicPartition, Long> start = consumer.beginningOffsets(all);
            consumer.endOffsets(all).forEach((p, end) -> ranges.put(p, new RangeScan.Range(start.get(p), end)));
        }
        RangeScan.scan(kafka, ranges, output, "dead letters", record -> letters.add(DeadLetter.of(record)));
        letters.sort(Comparator.comparing(DeadLetter::at).thenComparing(DeadLetter::service)
                .thenComparingInt(DeadLetter::partition).thenComparingLong(DeadLetter::offset));
        return letters;
    }

    /** The dead letters still open: per service and event the latest record, unless a later redrive closed it. */
    public static List<Open> open(Kafka kafka, Optional<String> service, Output output) {
        return current(kafka, service, output).stream().filter(o -> !o.closed()).toList();
    }

    /** Per service and event the latest dead letter, open or closed by a redrive. */
    public static List<Open> current(Kafka kafka, Optional<String> service, Output output) {
        List<DeadLetter> letters = all(kafka, service, output);
        Map<String, Redrives.Marker> markers = letters.isEmpty() ? Map.of() : Redrives.read(kafka, output);
        return current(letters, markers);
    }

    /** The rule alone: the latest dead letter per marker key, open unless a redrive marker written after it closes it. */
    static List<Open> open(List<DeadLetter> letters, Map<String, Redrives.Marker> markers) {
        return current(letters, markers).stream().filter(o -> !o.closed()).toList();
    }

    static List<Open> current(List<DeadLetter> letters, Map<String, Redrives.Marker> markers) {
        Map<String, DeadLetter> latest = new LinkedHashMap<>();
        for (DeadLetter letter : letters) {
            latest.merge(letter.markerKey(), letter, (a, b) -> b.at().isBefore(a.at()) ? a : b);
        }
        List<Open> open = new ArrayList<>();
        for (DeadLetter letter : latest.values()) {
            Redrives.Marker marker = markers.get(letter.markerKey());
            boolean redrivenSince = marker != null && !marker.at().isBefore(letter.at());
            open.add(new Open(letter, redrivenSince ? Optional.of(marker) : Optional.empty()));
        }
        open.sort(Comparator.comparing((Open o) -> o.letter().at()).thenComparing(o -> o.letter().service()));
        return open;
    }
}
