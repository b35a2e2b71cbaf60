package io.laku.groupbuying.tally;

import io.laku.platform.eventing.EventCodec;
import io.laku.platform.eventing.PoisonEventException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Rebuilds a session's tally from the live topics alone: reads laku.session and laku.payment from the beginning to
 * their current end (no consumer group, nothing committed), keeps the session's records (they are keyed by the session
 * id), and folds them with {@link TallyFold} in record-timestamp order.
 */
@ApplicationScoped
public class TallyRebuild {

    private static final Logger LOG = Logger.getLogger(TallyRebuild.class);
    static final List<String> TOPICS = List.of("laku.session", "laku.payment");

    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrap;

    @Inject
    EventCodec codec;

    public Map<UUID, Tally.Units> rebuild(UUID sessionId) {
        List<ConsumerRecord<String, byte[]>> records = read(sessionId.toString());
        records.sort(Comparator.comparingLong((ConsumerRecord<String, byte[]> r) -> r.timestamp())
                .thenComparing(r -> TOPICS.indexOf(r.topic()))
                .thenComparingLong(ConsumerRecord::offset));
        TallyFold fold = new TallyFold();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                fold.apply(codec.decode(record.topic(), record.value()));
            } catch (PoisonEventException e) {
                LOG.warnf("Skipped unreadable %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                        e.getMessage());
            }
        }
        return fold.tally(sessionId);
    }

    private List<ConsumerRecord<String, byte[]>> read(String key) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> kept = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = new ArrayList<>();
            for (String topic : TOPICS) {
                var infos = consumer.partitionsFor(topic, Duration.ofSeconds(10));
                if (infos != null) {
                    infos.forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (!partitions.stream().allMatch(p -> consumer.position(p) >= end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Topics not read to their end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (key.equals(r.key())) {
                        kept.add(r);
                    }
                }
            }
        }
        return kept;
    }
}
