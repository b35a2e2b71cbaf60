package io.laku.e2e;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;

/** What went to the dead-letter topics ({@code laku.dlq.<service>}): every one is a saga step that never happened. */
final class DeadLetters {

    private DeadLetters() {
    }

    /** Dead letters written since the given instant, as "topic: type id (reason)" lines. */
    static List<String> since(Instant from) {
        List<String> found = new ArrayList<>();
        for (String topic : topics()) {
            for (ConsumerRecord<String, byte[]> record : Topics.all(topic, r -> r.timestamp() >= from.toEpochMilli())) {
                found.add(topic + ": " + Topics.header(record, "eventType") + " " + Topics.header(record, "id") + " from "
                        + Topics.header(record, "dead-letter-topic") + " (" + Topics.header(record, "dead-letter-reason")
                        + ")");
            }
        }
        return found;
    }

    private static List<String> topics() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, Platform.KAFKA);
        try (Admin admin = Admin.create(props)) {
            return admin.listTopics().names().get().stream().filter(t -> t.startsWith("laku.dlq.")).sorted().toList();
        } catch (Exception e) {
            throw new IllegalStateException("cannot list the dead-letter topics", e);
        }
    }
}
