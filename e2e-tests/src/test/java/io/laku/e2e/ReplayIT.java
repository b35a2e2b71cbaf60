package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.Future;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
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
import org.junit.jupiter.api.Test;

/** Re-feeding payment's and wallet's whole input topics from the start changes no balance. */
class ReplayIT {

    @Test
    void refeedingEveryConsumedTopicFromTheStartChangesNoBalance() throws Exception {
        // some money on the books first: a confirmed session with tier refunds
        String sessionId = UUID.randomUUID().toString();
        UUID factory = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        UUID participant = UUID.randomUUID();
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, participant, user, 4, 200_000));
        Money.awaitInvoices(sessionId, 1).forEach(Money::pay);
        Money.awaitStatuses(sessionId, 1, "paid");
        SessionEvents.publish(sessionId, SessionEvents.confirmed(sessionId, factory, 50, 200_000, 135_000,
                List.of(SessionEvents.confirmedParticipant(participant, user, 4, 200_000, 135_000))));
        Money.awaitWallet(user, 260_000);

        String ledgerBefore = snapshot("payment", "select count(*), coalesce(sum(amount), 0) from ledger_entry");
        String walletsBefore = snapshot("wallet", "select count(*), coalesce(sum(balance), 0) from wallet");
        String txBefore = snapshot("wallet", "select count(*), coalesce(sum(amount), 0) from wallet_transaction");

        Map<Integer, RecordMetadata> session = refeed("laku.session");
        Map<Integer, RecordMetadata> payment = refeed("laku.payment");
        await("payment and wallet consumed the whole re-feed").atMost(Duration.ofSeconds(180))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> session.values().stream().allMatch(m -> Topics.consumedPast("payment", m))
                        && payment.values().stream().allMatch(m -> Topics.consumedPast("wallet", m)));

        assertThat(snapshot("payment", "select count(*), coalesce(sum(amount), 0) from ledger_entry")).isEqualTo(ledgerBefore);
        assertThat(snapshot("wallet", "select count(*), coalesce(sum(balance), 0) from wallet")).isEqualTo(walletsBefore);
        assertThat(snapshot("wallet", "select count(*), coalesce(sum(amount), 0) from wallet_transaction")).isEqualTo(txBefore);
        assertThat(Money.wallet(user)).isEqualTo(260_000);
        assertThat(Money.ledger(sessionId).getLong("refunded")).isEqualTo(260_000);
    }

    private static String snapshot(String service, String sql) throws Exception {
        try (Connection db = Platform.database(service); Statement st = db.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1) + "/" + rs.getString(2);
        }
    }

    /** Every record of the topic so far, re-published as it was (same key, value, headers: same event id). */
    private static Map<Integer, RecordMetadata> refeed(String topic) throws Exception {
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        c.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-refeed-" + UUID.randomUUID());
        c.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        c.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(topic, p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<String, byte[]> r : consumer.poll(Duration.ofMillis(500))) {
                    if (r.offset() < end.get(new TopicPartition(r.topic(), r.partition()))) {
                        records.add(r);
                    }
                }
            }
        }
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        Map<Integer, RecordMetadata> last = new HashMap<>();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            List<Future<RecordMetadata>> sent = new ArrayList<>();
            for (ConsumerRecord<String, byte[]> r : records) {
                ProducerRecord<String, byte[]> copy = new ProducerRecord<>(topic, r.partition(), r.key(), r.value());
                for (Header h : r.headers()) {
                    copy.headers().add(h);
                }
                sent.add(producer.send(copy));
            }
            for (Future<RecordMetadata> f : sent) {
                RecordMetadata m = f.get();
                last.merge(m.partition(), m, (a, b) -> a.offset() >= b.offset() ? a : b);
            }
        }
        assertThat(records).isNotEmpty();
        return last;
    }
}
