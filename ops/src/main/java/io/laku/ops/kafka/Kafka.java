package io.laku.ops.kafka;

import io.laku.ops.cli.PartDownException;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListTopicsOptions;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.KafkaFuture;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The cluster as ops reads it. Every read is on a throwaway consumer with no group (assign + seek): nothing is
 * committed and no service's offsets move. Topics are discovered, not listed by hand: the domain topics are
 * {@code laku.*} except dead letters ({@code laku.dlq.*}) and ops' own ({@code laku.ops.*}).
 */
public final class Kafka implements AutoCloseable {

    public static final String DOMAIN_PREFIX = "laku.";
    public static final String DLQ_PREFIX = "laku.dlq.";
    public static final String OPS_PREFIX = "laku.ops.";

    private static final Duration ANSWER_WITHIN = Duration.ofSeconds(10);

    private final String bootstrap;
    private final Admin admin;

    private Kafka(String bootstrap, Admin admin) {
        this.bootstrap = bootstrap;
        this.admin = admin;
    }

    /** Connects and checks that the cluster answers, or names Kafka as the part that is down. */
    public static Kafka connect(String bootstrap) {
        refusedQuickly(bootstrap);
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        props.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        props.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, 1_000);
        Admin admin = Admin.create(props);
        Kafka kafka = new Kafka(bootstrap, admin);
        try {
            kafka.await(admin.describeCluster().clusterId(), "describe the cluster");
        } catch (PartDownException e) {
            admin.close(Duration.ZERO);
            throw e;
        }
        return kafka;
    }

    /** A closed port answers at once; only a hung broker costs the admin client's timeout. */
    private static void refusedQuickly(String bootstrap) {
        for (String server : bootstrap.split(",")) {
            int colon = server.lastIndexOf(':');
            if (colon < 0) {
                return;
            }
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.connect(new java.net.InetSocketAddress(server.substring(0, colon).trim(),
                        Integer.parseInt(server.substring(colon + 1).trim())), 2_000);
                return;
            } catch (java.io.IOException | NumberFormatException e) {
                // try the next one
            }
        }
        throw new PartDownException("Kafka at " + bootstrap + " is down (nothing listens there); is the stack up? ./laku status");
    }

    public String bootstrap() {
        return bootstrap;
    }

    public Admin admin() {
        return admin;
    }

    /** Waits for an admin call, turning a timeout or a broken connection into "Kafka is down". */
    public <T> T await(KafkaFuture<T> future, String what) {
        try {
            return future.get(ANSWER_WITHIN.toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw down(what, e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.TimeoutException) {
                throw down(what, e.getCause());
            }
            throw new IllegalStateException("Kafka refused to " + what + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private PartDownException down(String what, Throwable cause) {
        return new PartDownException("Kafka at " + bootstrap + " is not answering (tried to " + what
                + "); is the stack up? ./laku status", cause);
    }

    /** All topic names (internal ones excluded). */
    public Set<String> topics() {
        return await(admin.listTopics(new ListTopicsOptions().listInternal(false)).names(), "list topics");
    }

    public static boolean isDomainTopic(String topic) {
        return topic.startsWith(DOMAIN_PREFIX) && !topic.startsWith(DLQ_PREFIX) && !topic.startsWith(OPS_PREFIX);
    }

    /** Every domain topic and its partition count, sorted by name. */
    public Map<String, Integer> domainTopics() {
        return partitionCounts(topics().stream().filter(Kafka::isDomainTopic).toList());
    }

    /** Every dead-letter topic ({@code laku.dlq.<service>}) and its partition count. */
    public Map<String, Integer> deadLetterTopics() {
        return partitionCounts(topics().stream().filter(t -> t.startsWith(DLQ_PREFIX)).toList());
    }

    public Map<String, Integer> partitionCounts(Collection<String> topics) {
        Map<String, Integer> counts = new TreeMap<>();
        if (topics.isEmpty()) {
            return counts;
        }
        Map<String, TopicDescription> described = await(admin.describeTopics(topics).allTopicNames(), "describe topics");
        described.forEach((name, description) -> counts.put(name, description.partitions().size()));
        return counts;
    }

    public List<TopicPartition> partitions(String topic, int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(p -> new TopicPartition(topic, p)).toList();
    }

    /** A consumer with no group: it can only assign and seek, and never commits. */
    public KafkaConsumer<byte[], byte[]> throwawayConsumer() {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // a position Kafka cannot serve must fail the command, never jump silently to the end (an audit missing events)
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 20_000);
        props.put(ConsumerConfig.FETCH_MAX_BYTES_CONFIG, 64 * 1024 * 1024);
        props.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 16 * 1024 * 1024);
        props.put(ConsumerConfig.RECEIVE_BUFFER_CONFIG, 4 * 1024 * 1024);
        // the ranges' ends are known: waiting on the broker for more data only delays the last fetch
        props.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 20);
        props.put(ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        props.put(ConsumerConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) ANSWER_WITHIN.toMillis());
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "laku-ops-" + ProcessHandle.current().pid());
        return new KafkaConsumer<>(props, new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    public KafkaProducer<String, byte[]> producer() {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        props.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 10_000);
        props.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, 10_000);
        return new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
