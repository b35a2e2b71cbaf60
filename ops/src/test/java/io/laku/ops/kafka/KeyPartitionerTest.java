package io.laku.ops.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class KeyPartitionerTest {

    @Test
    void knownKeysLandOnKnownPartitions() {
        // where Debezium's producer put these on the 3-partition laku.session and laku.wallet of a running stack
        assertThat(KeyPartitioner.partitionOf("346bb52b-7cd2-436d-b374-b05a0f52771f", 3)).isEqualTo(1);
        assertThat(KeyPartitioner.partitionOf("c1e24706-aaca-4c50-b82d-3383e34f283d", 3)).isEqualTo(0);
        assertThat(KeyPartitioner.partitionOf("ffc5064f-194e-4a5a-8cc5-8da703559f9b", 3)).isEqualTo(1);
        assertThat(KeyPartitioner.partitionOf("anything", 1)).isZero();
    }

    @Test
    void itIsThePartitionKafkasProducerComputesForAKey() {
        // BuiltInPartitioner.partitionForKey is what KafkaProducer uses for a keyed record with no partitioner set
        for (int partitions : List.of(1, 3, 6, 12, 50)) {
            for (int i = 0; i < 500; i++) {
                String key = UUID.randomUUID().toString();
                assertThat(KeyPartitioner.partitionOf(key, partitions)).as(key + " of " + partitions)
                        .isEqualTo(BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), partitions));
            }
        }
    }

    @Test
    void aTopicHasPartitions() {
        assertThatThrownBy(() -> KeyPartitioner.partitionOf("k", 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
