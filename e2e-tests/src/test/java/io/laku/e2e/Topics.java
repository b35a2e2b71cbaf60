package io.laku.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** Reading and writing the real topics, as an ops person replaying events would. */
final class Topics {

    private Topics() {
    }

    /** Scans a topic from the beginning until a record matches, or fails at the deadline. */
    static ConsumerRecord<String, byte[]> find(String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration within) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        props.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-reader-" + UUID.randomUUID());
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new ByteArrayDeserializer())) {
            consumer.subscribe(List.of(topic));
            Instant deadline = Instant.now().plus(within);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        return record;
                    }
                }
            }
        }
        throw new AssertionError("No matching record on " + topic + " within " + within);
    }

    /** Every record of the topic that matches, reading each partition from its start to its current end. */
    static List<ConsumerRecord<String, byte[]>> all(String topic, Predicate<ConsumerRecord<String, byte[]>> match) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        List<ConsumerRecord<String, byte[]>> found = new java.util.ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            Instant deadline = Instant.now().plusSeconds(60);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError(topic + " could not be read to its end within 60 s");
                }
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    if (match.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }

    static RecordMetadata send(ProducerRecord<String, byte[]> record) {
        return sendAll(List.of(record)).getFirst();
    }

    /** Sends the records together (one producer batch when they share a partition), in order. */
    static List<RecordMetadata> sendAll(List<ProducerRecord<String, byte[]>> records) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "50");
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer())) {
            List<java.util.concurrent.Future<RecordMetadata>> sent = new ArrayList<>();
            records.forEach(record -> sent.add(producer.send(record)));
            producer.flush();
            List<RecordMetadata> written = new ArrayList<>();
            for (java.util.concurrent.Future<RecordMetadata> future : sent) {
                written.add(future.get());
            }
            return written;
        } catch (Exception e) {
            throw new IllegalStateException("Could not publish to " + records.getFirst().topic(), e);
        }
    }

    /** Redelivers a record exactly as it was: same key, value and headers (so the same event id). */
    static RecordMetadata replay(ConsumerRecord<String, byte[]> original) {
        ProducerRecord<String, byte[]> copy = new ProducerRecord<>(original.topic(), original.partition(), original.key(),
                original.value());
        for (Header header : original.headers()) {
            copy.headers().add(header);
        }
        return send(copy);
    }

    /** Whether a consumer group has committed past the given record (it has consumed it). */
    static boolean consumedPast(String group, RecordMetadata written) {
        return consumedPast(group, new TopicPartition(written.topic(), written.partition()), written.offset());
    }

    /** Whether a consumer group has committed past a record read from a topic (it has consumed it). */
    static boolean consumedPast(String group, ConsumerRecord<?, ?> record) {
        return consumedPast(group, new TopicPartition(record.topic(), record.partition()), record.offset());
    }

    private static boolean consumedPast(String group, TopicPartition partition, long offset) {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        try (Admin admin = Admin.create(props)) {
            Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(group)
                    .partitionsToOffsetAndMetadata().get();
            return Optional.ofNullable(offsets.get(partition))
                    .map(committed -> committed.offset() > offset)
                    .orElse(false);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A record's event, decoded with the registry as a consumer does. */
    @SuppressWarnings("unchecked")
    static <T extends org.apache.avro.specific.SpecificRecord> T decode(ConsumerRecord<String, byte[]> record) {
        try (io.apicurio.registry.serde.avro.AvroKafkaDeserializer<T> deserializer =
                new io.apicurio.registry.serde.avro.AvroKafkaDeserializer<>()) {
            deserializer.configure(Map.of("apicurio.registry.url", Platform.REGISTRY,
                    "apicurio.registry.use-specific-avro-reader", true), false);
            return deserializer.deserialize(record.topic(), record.value());
        }
    }

    static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), java.nio.charset.StandardCharsets.UTF_8);
    }
}
