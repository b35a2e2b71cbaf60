package io.laku.ops.kafka;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.common.utils.Utils;

/**
 * The partition Kafka's default partitioner puts a keyed record on: murmur2 of the key's bytes, made positive,
 * modulo the partition count. Laku's records are keyed by aggregate id (Debezium's outbox router uses the
 * producer's default partitioner), so one aggregate's records on a topic are all on this one partition.
 */
public final class KeyPartitioner {

    private KeyPartitioner() {
    }

    public static int partitionOf(String key, int partitions) {
        if (partitions < 1) {
            throw new IllegalArgumentException("a topic has at least one partition, not " + partitions);
        }
        return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
    }
}
