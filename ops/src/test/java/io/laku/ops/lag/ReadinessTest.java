package io.laku.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void retryingPartitionsAreReadFromTheChecksData() throws Exception {
        var health = new ObjectMapper().readTree("""
                {"status":"DOWN","checks":[
                  {"name":"Database connections health check","status":"UP"},
                  {"name":"laku consumers","status":"DOWN","data":{"retrying":["laku.session-2","laku.order-0"]}}]}""");
        assertThat(Readiness.retryingPartitions(health)).isEqualTo(Map.of(new TopicPartition("laku.session", 2), "retrying",
                new TopicPartition("laku.order", 0), "retrying"));
    }

    @Test
    void aPartitionNameIsTopicDashNumber() {
        assertThat(Readiness.parse("laku.dlq.group-buying-1")).contains(new TopicPartition("laku.dlq.group-buying", 1));
        assertThat(Readiness.parse("nonsense")).isEmpty();
        assertThat(Readiness.parse("laku.session-x")).isEmpty();
    }
}
