package io.laku.ops.replay;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.ops.cli.Args;
import io.laku.ops.cli.Command;
import io.laku.ops.cli.Context;
import io.laku.ops.cli.Output;
import io.laku.ops.cli.UsageException;
import io.laku.ops.kafka.Kafka;
import io.laku.ops.services.ServiceClient;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code replay --service <service> --topic <topic> (--from <time> | --from-offset <p>:<o>) [--to <time>] [--dry-run]}:
 * the service re-applies exactly that range of the topic through its own handlers and inbox.
 */
public final class ReplayCommand implements Command {

    static final String ENDPOINT = "/api/admin/events/replay";

    /** {@code --from-offset 2:1500}: one partition, from that offset. */
    public record FromOffset(int partition, long offset) {

        public static FromOffset parse(String value) {
            String[] parts = value.split(":", -1);
            try {
                if (parts.length == 2) {
                    FromOffset from = new FromOffset(Integer.parseInt(parts[0].trim()), Long.parseLong(parts[1].trim()));
                    if (from.partition() >= 0 && from.offset() >= 0) {
                        return from;
                    }
                }
            } catch (NumberFormatException e) {
                // said below
            }
            throw new UsageException("--from-offset must be <partition>:<offset> with both >= 0 (e.g. 1:1500), not '" + value + "'");
        }
    }

    /** The range as the service is asked for it. */
    public record Request(String topic, Instant from, FromOffset fromOffset, Instant to, boolean dryRun) {

        public Map<String, Object> body() {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("topic", topic);
            body.put("from", from == null ? null : from.toString());
            body.put("fromOffset", fromOffset == null ? null : Map.of("partition", fromOffset.partition(), "offset", fromOffset.offset()));
            body.put("to", to == null ? null : to.toString());
            body.put("dryRun", dryRun);
            return body;
        }
    }

    @Override
    public String name() {
        return "replay";
    }

    @Override
    public String synopsis() {
        return "replay --service <service> --topic <topic> (--from <ISO time> | --from-offset <partition>:<offset>) [--to <ISO time>] [--dry-run]";
    }

    @Override
    public String help() {
        return """
                usage: ./laku events replay --service <service> --topic <topic>
                                           (--from <ISO time> | --from-offset <partition>:<offset>)
                                           [--to <ISO time>] [--dry-run] [--json]

                Re-applies exactly one range of a topic in one service, through the service's own handlers and
                inbox (POST %s on the service, admin token). The service reads the range on a throwaway
                consumer (assign + seek, no group, nothing committed): its live consumer group and every other
                group keep their offsets. An event it had applied is not applied again, so replaying what was
                applied changes nothing. Prints how many records were applied, already applied, skipped (a type
                the service does not handle) and failed.

                  --service <service>      the service whose handlers apply the events
                  --topic <topic>          a topic it consumes (e.g. laku.session)
                  --from <ISO time>        every partition, from the first record at or after this time
                  --from-offset <p>:<o>    one partition, from this offset
                  --to <ISO time>          up to this time, inclusive (default: the end as the replay starts)
                  --dry-run                read the range and say what would be applied; change nothing
                  --json                   the totals (and each failure) as JSON lines

                exit: 0 nothing failed, 1 some records failed, 2 bad arguments, 3 Kafka or the service is down""".formatted(ENDPOINT);
    }

    @Override
    public int run(List<String> argv, Context context) {
        Args args = Args.parse(argv, Set.of("service", "topic", "from", "from-offset", "to"), Set.of("dry-run"));
        Output output = context.output(args);
        args.expectPositionals();
        Request request = request(args);
        String service = context.environment().service(args.required("service"));
        Kafka kafka = context.kafka();
        if (!kafka.topics().contains(request.topic())) {
            throw new UsageException("no topic " + request.topic() + " on Kafka (domain topics: "
                    + String.join(", ", kafka.domainTopics().keySet()) + ")");
        }
        if (request.fromOffset() != null) {
            int partitions = kafka.partitionCounts(List.of(request.topic())).get(request.topic());
            if (request.fromOffset().partition() >= partitions) {
                throw new UsageException(request.topic() + " has partitions 0 to " + (partitions - 1) + ", not "
                        + request.fromOffset().partition());
            }
        }

        JsonNode result;
        long started = System.nanoTime();
        ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "progress");
            t.setDaemon(true);
            return t;
        });
        ticker.scheduleAtFixedRate(() -> output.progress(String.format("%s is replaying %s... %d s", service,
                request.topic(), (System.nanoTime() - started) / 1_000_000_000L)), 5, 5, TimeUnit.SECONDS);
        try (ServiceClient client = new ServiceClient(service, context.environment())) {
            result = client.admin(ENDPOINT, request.body(), Duration.ofMinutes(30));
        } finally {
            ticker.shutdownNow();
        }

        long failed = result.path("failed").asLong();
        if (output.json()) {
            result.path("failures").forEach(f -> output.object(Output.mapper().convertValue(f, Map.class)));
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("service", service);
            totals.put("topic", request.topic());
            totals.put("dryRun", request.dryRun());
            totals.put("ranges", Output.mapper().convertValue(result.path("ranges"), List.class));
            for (String field : List.of("read", "applied", "alreadyApplied", "skipped", "failed")) {
                totals.put(field, result.path(field).asLong());
            }
            output.object(totals);
        } else {
            List<List<String>> rows = new ArrayList<>();
            result.path("failures").forEach(f -> rows.add(List.of("failed", f.path("partition").asText() + "@"
                    + f.path("offset").asText(), f.path("eventType").asText("-"), f.path("eventId").asText("-"),
                    f.path("reason").asText(""))));
            if (!rows.isEmpty()) {
                output.table(null, rows);
            }
            List<String> ranges = new ArrayList<>();
            result.path("ranges").forEach(r -> ranges.add(r.path("partition").asText() + "@" + r.path("from").asText()
                    + ".." + r.path("to").asText()));
            output.line(String.format("%s %s %s [%s]: %d records, %d %s, %d already applied, %d skipped, %d failed",
                    service, request.dryRun() ? "would replay" : "replayed", request.topic(), String.join(" ", ranges),
                    result.path("read").asLong(), result.path("applied").asLong(),
                    request.dryRun() ? "to apply" : "applied", result.path("alreadyApplied").asLong(),
                    result.path("skipped").asLong(), failed));
        }
        return failed == 0 ? 0 : 1;
    }

    /** The range from the arguments alone (no Kafka): the pure part, tested by itself. */
    static Request request(Args args) {
        String topic = args.required("topic");
        if (!Kafka.isDomainTopic(topic)) {
            throw new UsageException("--topic must be a domain topic (laku.<aggregate>, not laku.dlq.* or laku.ops.*), not '"
                    + topic + "'");
        }
        args.required("service");
        String start = args.exactlyOne("from", "from-offset");
        Instant from = start.equals("from") ? args.instant("from").orElseThrow() : null;
        FromOffset fromOffset = start.equals("from-offset") ? FromOffset.parse(args.required("from-offset")) : null;
        Optional<Instant> to = args.instant("to");
        if (from != null && to.isPresent() && to.get().isBefore(from)) {
            throw new UsageException("--to " + to.get() + " is before --from " + from);
        }
        return new Request(topic, from, fromOffset, to.orElse(null), args.flag("dry-run"));
    }
}
