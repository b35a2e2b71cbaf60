package io.laku.ops.dlq;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.ops.cli.Args;
import io.laku.ops.cli.Command;
import io.laku.ops.cli.Context;
import io.laku.ops.cli.OpsFailure;
import io.laku.ops.cli.Output;
import io.laku.ops.kafka.Kafka;
import io.laku.ops.services.ServiceClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code dlq redrive --service <service> (--event-id <id> | --all)}: the service applies its open dead letters through
 * its own handlers and inbox (its admin endpoint), and each outcome is recorded on {@code laku.ops.redrives}.
 */
public final class DlqRedriveCommand implements Command {

    static final String ENDPOINT = "/api/admin/dead-letters/redrive";
    private static final int BATCH = 100;

    @Override
    public String name() {
        return "dlq redrive";
    }

    @Override
    public String synopsis() {
        return "dlq redrive --service <service> (--event-id <id> | --all)";
    }

    @Override
    public String help() {
        return """
                usage: ./laku events dlq redrive --service <service> (--event-id <id> | --all) [--json]

                Applies open dead letters of one service through that service's own handlers and inbox
                (POST %s on the service, admin token): an event it had applied meanwhile
                changes nothing (already applied). Each outcome is recorded on the compacted topic
                laku.ops.redrives (key <service>/<event id>): an applied dead letter is no longer listed by
                dlq list; one that fails again stays listed with the new reason.

                  --service <service>  whose dead letters (laku.dlq.<service>)
                  --event-id <id>      the one dead letter of this event (or @<partition>:<offset>, see dlq list)
                  --all                every open dead letter of the service
                  --json               one JSON object per dead letter, then one with the totals

                exit: 0 all applied, 1 some failed again (or nothing to redrive), 2 bad arguments,
                      3 Kafka or the service is down""".formatted(ENDPOINT);
    }

    @Override
    public int run(List<String> argv, Context context) {
        Args args = Args.parse(argv, Set.of("service", "event-id"), Set.of("all"));
        Output output = context.output(args);
        args.expectPositionals();
        String service = context.environment().service(args.required("service"));
        boolean all = args.exactlyOne("event-id", "all").equals("all");
        Optional<String> ref = args.option("event-id").map(id -> id.startsWith("@") ? id : Args.parseUuid("--event-id", id).toString());
        ServiceClient client = new ServiceClient(service, context.environment());
        Kafka kafka = context.kafka();

        List<DeadLetters.Open> open = DeadLetters.open(kafka, Optional.of(service), output);
        List<DeadLetter> chosen = open.stream().map(DeadLetters.Open::letter)
                .filter(l -> all || l.ref().equals(ref.get())).toList();
        if (chosen.isEmpty()) {
            if (all) {
                output.progress("no open dead letters for " + service);
                return 0;
            }
            boolean ever = DeadLetters.all(kafka, Optional.of(service), output).stream().anyMatch(l -> l.ref().equals(ref.get()));
            throw new OpsFailure(ever ? "the dead letter of " + ref.get() + " in " + service + " was already redriven (dlq show "
                    + ref.get() + ")" : "no dead letter of " + ref.get() + " in " + service + " (dlq list --service " + service + ")");
        }

        Map<String, Integer> counts = new TreeMap<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i += BATCH) {
            List<DeadLetter> batch = chosen.subList(i, Math.min(chosen.size(), i + BATCH));
            if (chosen.size() > BATCH) {
                output.progress("redriving " + (i + batch.size()) + " of " + chosen.size() + " dead letters of " + service);
            }
            List<Map<String, Object>> coordinates = batch.stream()
                    .<Map<String, Object>>map(l -> Map.of("partition", l.partition(), "offset", l.offset())).toList();
            JsonNode answer = client.admin(ENDPOINT, Map.of("deadLetters", coordinates), Duration.ofMinutes(5));
            Map<String, JsonNode> results = new HashMap<>();
            answer.path("results").forEach(r -> results.put(r.path("partition").asInt() + "@" + r.path("offset").asLong(), r));
            for (DeadLetter letter : batch) {
                JsonNode result = results.get(letter.partition() + "@" + letter.offset());
                String outcome = result == null ? "failed" : result.path("outcome").asText("failed");
                String reason = result == null ? service + " did not report on it" : result.path("reason").asText(null);
                Redrives.mark(kafka, letter, outcome, reason);
                counts.merge(outcome, 1, Integer::sum);
                if (output.json()) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("service", service);
                    m.put("eventId", letter.eventId());
                    m.put("eventType", letter.eventType());
                    m.put("original", letter.original());
                    m.put("outcome", outcome);
                    m.put("reason", reason);
                    output.object(m);
                } else {
                    rows.add(List.of(outcome, letter.ref(), DlqListCommand.nn(letter.eventType()), letter.original(),
                            reason == null ? "" : reason));
                }
            }
        }
        int failed = counts.getOrDefault("failed", 0);
        if (output.json()) {
            Map<String, Object> totals = new LinkedHashMap<>();
            totals.put("service", service);
            totals.put("redriven", chosen.size());
            totals.put("applied", counts.getOrDefault("applied", 0));
            totals.put("alreadyApplied", counts.getOrDefault("already_applied", 0));
            totals.put("skipped", counts.getOrDefault("skipped", 0));
            totals.put("failed", failed);
            output.object(totals);
        } else {
            output.table(List.of("OUTCOME", "EVENT", "TYPE", "ORIGINAL", "REASON"), rows);
            output.line(String.format("%s: %d redriven: %d applied, %d already applied, %d skipped, %d failed (still listed)",
                    service, chosen.size(), counts.getOrDefault("applied", 0), counts.getOrDefault("already_applied", 0),
                    counts.getOrDefault("skipped", 0), failed));
        }
        return failed == 0 ? 0 : 1;
    }
}
