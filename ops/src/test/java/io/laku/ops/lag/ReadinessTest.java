package io.laku.ops.lag;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

class ReadinessTest {

    @Test
    void waitingPartitionsAreReadFromTheConsumersCheck() throws Exception {
        var health = new ObjectMapper().readTree("""
                {"status":"DOWN","checks":[
                  {"name":"Database connections health check","status":"UP","data":{"x y-1":"not ours"}},
                  {"name":"Laku event consumers","status":"DOWN","data":{
                    "payment.session-events laku.session-2":"stalled since 2026-05-01T08:00:00Z, 9 failed attempts (TRANSIENT): ConnectException: refused",
                    "group-buying.fulfilment-events laku.fulfilment-0,laku.order-0":"retrying since 2026-05-01T08:00:01Z, 1 failed attempts (TRANSIENT): x"}}]}""");
        assertThat(Readiness.retryingPartitions(health)).isEqualTo(Map.of(
                new TopicPartition("laku.session", 2),
                "stalled since 2026-05-01T08:00:00Z, 9 failed attempts (TRANSIENT): ConnectException: refused",
                new TopicPartition("laku.fulfilment", 0), "retrying since 2026-05-01T08:00:01Z, 1 failed attempts (TRANSIENT): x",
                new TopicPartition("laku.order", 0), "retrying since 2026-05-01T08:00:01Z, 1 failed attempts (TRANSIENT): x"));
    }

    @Test
    void anIdleServiceWaitsOnNothing() throws Exception {
        var health = new ObjectMapper().readTree("{\"status\":\"UP\",\"checks\":[{\"name\":\"Laku event consumers\",\"status\":\"UP\"}]}");
        assertThat(Readiness.retryingPartitions(health)).isEmpty();
    }

    @Test
    void aPartitionNameIsTopicDashNumber() {
        assertThat(Readiness.parse("laku.dlq.group-buying-1")).contains(new TopicPartition("laku.dlq.group-buying", 1));
        assertThat(Readiness.parse("nonsense")).isEmpty();
        assertThat(Readiness.parse("laku.session-x")).isEmpty();
    }
}
