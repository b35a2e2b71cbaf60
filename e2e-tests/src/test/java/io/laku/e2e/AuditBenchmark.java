package io.laku.e2e;

import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.session.ParticipantJoined;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Not a test: how fast {@code ./laku events audit} answers on a domain topic of a million records. Fills a topic
 * {@code laku.benchmark} (3 partitions, like every Laku topic; a domain topic by its name, so the audit discovers and
 * reads it; no service consumes it) with registry-framed events of 100,000 sessions, ten each, timestamped over the
 * last 30 days, the last of them five of one target session (a user named in the payload of three), then times the
 * real command: by key, by payload, and by key since a day ago. Deletes the topic at the end. Run with the stack up:
 *
 * <pre>./mvnw -q -pl e2e-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.laku.e2e.AuditBenchmark -Dexec.args="--records 1000000"</pre>
 */
public final class AuditBenchmark {

    static final String TOPIC = "laku.benchmark";

    public static void main(String[] args) throws Exception {
        int records = args.length == 2 && args[0].equals("--records") ? Integer.parseInt(args[1]) : 1_000_000;
        Properties adminProps = new Properties();
        adminProps.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        try (Admin admin = Admin.create(adminProps)) {
            if (admin.listTopics().names().get().contains(TOPIC)) {
                admin.deleteTopics(List.of(TOPIC)).all().get();
                Thread.sleep(2_000);
            }
            admin.createTopics(List.of(new NewTopic(TOPIC, Optional.of(3), Optional.empty()))).all().get();
            try {
                UUID session = UUID.randomUUID();
                UUID user = UUID.randomUUID();
                long filled = fill(records, session, user);
                System.out.printf("%s: %,d records (%,d MB of values)%n", TOPIC, records, filled / 1_000_000);
                time("audit session (key's partition of every topic)", "audit", "session", session.toString(), "--json", "--quiet");
                time("audit user (every partition, payloads naming the id)", "audit", "user", user.toString(), "--json", "--quiet");
                time("audit session --since a day ago", "audit", "session", session.toString(), "--since",
                        Instant.now().minus(Duration.ofDays(1)).toString(), "--json", "--quiet");
                time("audit user --since a day ago", "audit", "user", user.toString(), "--since",
                        Instant.now().minus(Duration.ofDays(1)).toString(), "--json", "--quiet");
            } finally {
                admin.deleteTopics(List.of(TOPIC)).all().get();
            }
        }
    }

    /** @return bytes of values written */
    static long fill(int records, UUID target, UUID user) throws Exception {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        p.put(ProducerConfig.ACKS_CONFIG, "1");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.BATCH_SIZE_CONFIG, 512 * 1024);
        p.put(ProducerConfig.BUFFER_MEMORY_CONFIG, 128L * 1024 * 1024);
        long bytes = 0;
        long started = System.nanoTime();
        int sessions = Math.max(1, records / 10);
        List<String> keys = new ArrayList<>(sessions);
        for (int i = 0; i < sessions; i++) {
            keys.add(UUID.randomUUID().toString());
        }
        long now = System.currentTimeMillis();
        long span = Duration.ofDays(30).toMillis();
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < records; i++) {
                int fromEnd = records - i;
                boolean aboutTarget = fromEnd <= 5_000 && fromEnd % 1_000 == 0;
                String key = aboutTarget ? target.toString() : keys.get(i % sessions);
                String person = aboutTarget && fromEnd > 2_000 ? user.toString() : UUID.randomUUID().toString();
                byte[] value = i % 2 == 0 ? AvroPayloads.encode(joined(key, person)) : AvroPayloads.encode(paid(key, person));
                bytes += value.length;
                long timestamp = now - span + span * i / records;
                ProducerRecord<String, byte[]> record = new ProducerRecord<>(TOPIC, null, timestamp, key, value);
                record.headers().add("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
                record.headers().add("eventType", (i % 2 == 0 ? "ParticipantJoined" : "PaymentPaid").getBytes(StandardCharsets.UTF_8));
                record.headers().add("traceId", UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.UTF_8));
                producer.send(record);
                if (i > 0 && i % 200_000 == 0) {
                    System.out.printf("  %,d written (%d s)%n", i, (System.nanoTime() - started) / 1_000_000_000L);
                }
            }
            producer.flush();
        }
        System.out.printf("  filled in %d s%n", (System.nanoTime() - started) / 1_000_000_000L);
        return bytes;
    }

    static ParticipantJoined joined(String session, String user) {
        return ParticipantJoined.newBuilder().setSessionId(session).setParticipantId(UUID.randomUUID().toString())
                .setUserId(user).setProductId(UUID.randomUUID().toString()).setFactoryId(UUID.randomUUID().toString())
                .setVariantId(UUID.randomUUID().toString()).setQuantity(3).setUnitPrice(200_000).setAmountDue(600_000)
                .setJoinedAt(Instant.now()).build();
    }

    static PaymentPaid paid(String session, String user) {
        return PaymentPaid.newBuilder().setSessionId(session).setParticipantId(UUID.randomUUID().toString())
                .setPaymentId(UUID.randomUUID().toString()).setUserId(user).setAmount(600_000).setPaidAt(Instant.now()).build();
    }

    /** Runs ./laku events ARGS three times and prints each wall time and what it found. */
    static void time(String what, String... args) throws Exception {
        System.out.println(what + ":");
        for (int run = 1; run <= Integer.getInteger("runs", 3); run++) {
            List<String> command = new ArrayList<>(List.of(Ops.laku().toString(), "events"));
            command.addAll(List.of(args));
            long started = System.nanoTime();
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(5, TimeUnit.MINUTES);
            long millis = Duration.ofNanos(System.nanoTime() - started).toMillis();
            long lines = out.lines().count();
            System.out.printf("  run %d: %,d ms wall, exit %d, %d events%n", run, millis, process.exitValue(), lines);
        }
    }

    private AuditBenchmark() {
    }

}
