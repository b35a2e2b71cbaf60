package io.laku.ops.lag;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/**
 * The partitions a service's consumers are waiting on, as its readiness check ({@code /q/health/ready}, check
 * "Laku event consumers") names them: one data entry per waiting batch, {@code "<consumer> <topic-partition>,..."}
 * mapped to {@code "retrying|stalled since <time>, <n> failed attempts (<kind>): <failure>"}.
 */
final class Readiness {

    static final String CHECK = "Laku event consumers";

    private Readiness() {
    }

    static Map<TopicPartition, String> retryingPartitions(JsonNode health) {
        Map<TopicPartition, String> waiting = new HashMap<>();
        for (JsonNode check : health.path("checks")) {
            if (!CHECK.equals(check.path("name").asText())) {
                continue;
            }
            Iterator<Map.Entry<String, JsonNode>> data = check.path("data").fields();
            while (data.hasNext()) {
                Map.Entry<String, JsonNode> batch = data.next();
                String[] consumerAndPartitions = batch.getKey().split(" ", 2);
                if (consumerAndPartitions.length < 2) {
                    continue;
                }
                for (String partition : consumerAndPartitions[1].split(",")) {
                    parse(partition.trim()).ifPresent(p -> waiting.put(p, batch.getValue().asText()));
                }
            }
        }
        return waiting;
    }

    /** {@code laku.session-2} as Kafka names a partition. */
    static java.util.Optional<TopicPartition> parse(String name) {
        int dash = name.lastIndexOf('-');
        if (dash <= 0) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.of(new TopicPartition(name.substring(0, dash), Integer.parseInt(name.substring(dash + 1))));
        } catch (NumberFormatException e) {
            return java.util.Optional.empty();
        }
    }
}
