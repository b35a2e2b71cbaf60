package io.laku.ops.lag;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;

/** The partitions a service's consumer reports as retrying in its readiness check. */
final class Readiness {

    private Readiness() {
    }

    static Map<TopicPartition, String> retryingPartitions(JsonNode health) {
        Map<TopicPartition, String> retrying = new HashMap<>();
        for (JsonNode check : health.path("checks")) {
            JsonNode list = check.path("data").path("retrying");
            if (list.isArray()) {
                for (JsonNode entry : list) {
                    parse(entry.asText()).ifPresent(p -> retrying.put(p, "retrying"));
                }
            }
        }
        return retrying;
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
