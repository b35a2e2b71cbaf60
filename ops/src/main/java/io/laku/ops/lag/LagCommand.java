package io.laku.ops.lag;

import io.laku.ops.cli.Args;
import io.laku.ops.cli.Command;
import io.laku.ops.cli.Context;
import io.laku.ops.cli.Output;
import io.laku.ops.cli.PartDownException;
import io.laku.ops.kafka.Kafka;
import io.laku.ops.services.ServiceClient;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/** {@code lag}: per service (its consumer group) and partition, committed offset, end offset, lag, and stalls. */
public final class LagCommand implements Command {

    /** One partition of one group. {@code retrying} is what the service's readiness check says about it. */
    public record Row(String group, String topic, int partition, long committed, long end, String state) {
        public long lag() {
            return Math.max(0, end - committed);
        }
    }

    @Override
    public String name() {
        return "lag";
    }

    @Override
    public String synopsis() {
        return "lag [--service <service>]";
    }

    @Override
    public String help() {
        return """
                usage: ./laku events lag [--service <service>] [--json]

                Per service (its consumer group) and domain topic partition: the committed offset, the end offset
                and the lag (end - committed), from Kafka; and the partitions the service's consumer is stuck
                retrying on, from its readiness check (/q/health/ready). A partition is listed once the group has
                committed on it. The last line gives each service's total lag.

                  --service <service>  only this service
                  --json               one JSON object per partition

                exit: 0 done, 2 bad arguments, 3 Kafka is down""";
    }

    @Override
    public int run(List<String> argv, Context context) {
        Args args = Args.parse(argv, Set.of("service"), Set.of());
        Output output = context.output(args);
        args.expectPositionals();
        Optional<String> only = args.option("service").map(context.environment()::service);
        Kafka kafka = context.kafka();

        Set<String> groups = new TreeSet<>(context.environment().services());
        groups.addAll(kafka.await(kafka.admin().listConsumerGroups().all(), "list consumer groups").stream()
                .map(g -> g.groupId()).toList());
        only.ifPresent(s -> groups.retainAll(List.of(s)));

        Map<String, Map<TopicPartition, Long>> committed = new TreeMap<>();
        Set<TopicPartition> partitions = new java.util.HashSet<>();
        for (String group : groups) {
            Map<TopicPartition, OffsetAndMetadata> offsets = kafka.await(
                    kafka.admin().listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata(), "read the offsets of " + group);
            Map<TopicPartition, Long> domain = new TreeMap<>(java.util.Comparator.comparing(TopicPartition::toString));
            offsets.forEach((p, o) -> {
                if (o != null && Kafka.isDomainTopic(p.topic())) {
                    domain.put(p, o.offset());
                }
            });
            if (!domain.isEmpty() || context.environment().services().contains(group)) {
                committed.put(group, domain);
                partitions.addAll(domain.keySet());
            }
        }
        Map<TopicPartition, Long> ends = ends(kafka, partitions);

        List<Row> rows = new ArrayList<>();
        Map<String, String> health = new HashMap<>();
        for (var group : committed.entrySet()) {
            Stalls stalls = stalls(group.getKey(), context);
            health.put(group.getKey(), stalls.note());
            group.getValue().forEach((p, offset) -> rows.add(new Row(group.getKey(), p.topic(), p.partition(), offset,
                    ends.getOrDefault(p, offset), stalls.of(p))));
        }

        if (output.json()) {
            rows.forEach(r -> {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("service", r.group());
                m.put("topic", r.topic());
                m.put("partition", r.partition());
                m.put("committed", r.committed());
                m.put("end", r.end());
                m.put("lag", r.lag());
                m.put("state", r.state());
                output.object(m);
            });
        } else {
            List<List<String>> table = new ArrayList<>();
            rows.forEach(r -> table.add(List.of(r.group(), r.topic(), String.valueOf(r.partition()), String.valueOf(r.committed()),
                    String.valueOf(r.end()), String.valueOf(r.lag()), r.state())));
            output.table(List.of("SERVICE", "TOPIC", "PARTITION", "COMMITTED", "END", "LAG", "STATE"), table);
            List<String> totals = new ArrayList<>();
            committed.keySet().forEach(g -> totals.add(g + " " + rows.stream().filter(r -> r.group().equals(g))
                    .mapToLong(Row::lag).sum() + health.get(g)));
            output.line("total lag: " + String.join(", ", totals));
        }
        return 0;
    }

    private static Map<TopicPartition, Long> ends(Kafka kafka, Collection<TopicPartition> partitions) {
        Map<TopicPartition, Long> ends = new HashMap<>();
        if (partitions.isEmpty()) {
            return ends;
        }
        Map<TopicPartition, OffsetSpec> query = new HashMap<>();
        partitions.forEach(p -> query.put(p, OffsetSpec.latest()));
        Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> latest = kafka.await(
                kafka.admin().listOffsets(query).all(), "read end offsets");
        latest.forEach((p, info) -> ends.put(p, info.offset()));
        return ends;
    }

    /** What a service's readiness check says about its partitions. */
    record Stalls(Map<TopicPartition, String> retrying, String note) {
        String of(TopicPartition p) {
            return retrying.getOrDefault(p, "ok");
        }
    }

    private static Stalls stalls(String service, Context context) {
        try (ServiceClient client = new ServiceClient(service, context.environment())) {
            return new Stalls(Readiness.retryingPartitions(client.readiness()), "");
        } catch (PartDownException e) {
            return new Stalls(Map.of(), " (service down: stalls unknown)");
        } catch (io.laku.ops.cli.UsageException e) {
            return new Stalls(Map.of(), "");
        }
    }
}
