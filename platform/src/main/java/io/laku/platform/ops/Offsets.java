package io.laku.platform.ops;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;

/** Offsets by time, for reading a topic from or to an instant (kafka-clients only: the ops command line uses it too). */
public final class Offsets {

    private Offsets() {
    }

    /** The first offset at or after an instant on each partition, or its end offset where nothing is that late. */
    public static Map<TopicPartition, Long> at(Consumer<?, ?> consumer, Collection<TopicPartition> partitions, Instant at,
            Map<TopicPartition, Long> end) {
        Map<TopicPartition, Long> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, at.toEpochMilli()));
        Map<TopicPartition, OffsetAndTimestamp> found = consumer.offsetsForTimes(query);
        Map<TopicPartition, Long> offsets = new HashMap<>();
        partitions.forEach(p -> offsets.put(p, found.get(p) == null ? end.get(p) : found.get(p).offset()));
        return offsets;
    }
}
