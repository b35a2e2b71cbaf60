package io.laku.ops.audit;

import io.laku.ops.cli.Args;
import io.laku.ops.cli.Command;
import io.laku.ops.cli.Context;
import io.laku.ops.cli.Output;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code audit session|product|user <id>}: one aggregate's story across every domain topic. */
public final class AuditCommand implements Command {

    @Override
    public String name() {
        return "audit";
    }

    @Override
    public String synopsis() {
        return "audit session|product|user <id> [--since <ISO time>] [--until <ISO time>]";
    }

    @Override
    public String help() {
        return """
                usage: ./laku events audit session|product|user <id> [--since <ISO time>] [--until <ISO time>] [--json]

                Every event about one aggregate on every domain topic (laku.*, without laku.dlq.* and laku.ops.*),
                in time order, one line each: time, topic, partition@offset, event type, key, event id, trace id,
                and what the event says (amounts in rupiah). Events keyed by another aggregate are included when
                they are about this one: a session's wallet credits (keyed by user, found through its refunds),
                the sessions, reservations and purchase orders of a product, a user's joins, payments, refunds
                and orders.

                It reads Kafka directly on a consumer with no group (nothing committed, no offsets moved): the
                key's partition of each topic, plus, for a product or a user, the payloads naming its id.
                --since / --until bound the scan by time (offsetsForTimes) on a long history.

                  --since <ISO time>   read from this time (e.g. 2026-05-01T00:00:00Z or 2026-05-01)
                  --until <ISO time>   read up to this time (inclusive)
                  --json               one JSON object per event
                  --quiet              no progress on stderr

                exit: 0 done (also when nothing is found), 2 bad arguments, 3 Kafka is down""";
    }

    @Override
    public int run(List<String> argv, Context context) {
        Args args = Args.parse(argv, Set.of("since", "until"), Set.of());
        Output output = context.output(args);
        args.expectPositionals("what to audit (session, product or user)", "its id");
        AuditTarget.Kind kind = AuditTarget.Kind.parse(args.positionals().get(0));
        AuditTarget target = new AuditTarget(kind, Args.parseUuid(kind.word() + " id", args.positionals().get(1)));
        Optional<Instant> since = args.instant("since");
        Optional<Instant> until = args.instant("until");
        if (since.isPresent() && until.isPresent() && until.get().isBefore(since.get())) {
            throw new io.laku.ops.cli.UsageException("--until is before --since");
        }

        long started = System.nanoTime();
        Audit audit = new Audit(context.kafka(), context.decoder(), output);
        List<Audit.Entry> entries = audit.run(target, since, until);
        long millis = (System.nanoTime() - started) / 1_000_000;

        if (output.json()) {
            entries.forEach(e -> output.object(json(e)));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (Audit.Entry e : entries) {
                rows.add(List.of(e.time().toString(), e.topic(), e.partition() + "@" + e.offset(), e.type(), nn(e.key()),
                        "id=" + nn(e.eventId()), "trace=" + nn(e.traceId()), e.summary() + via(e)));
            }
            output.table(List.of("TIME", "TOPIC", "P@OFFSET", "TYPE", "KEY", "EVENT", "TRACE", "SUMMARY"), rows);
        }
        output.progress(String.format("%d events about %s %s (%,d records read in %d ms)", entries.size(), kind.word(),
                target.id(), audit.recordsRead(), millis));
        return 0;
    }

    private static String via(Audit.Entry e) {
        return "key".equals(e.via()) ? "" : "  [via " + e.via() + "]";
    }

    private static String nn(String value) {
        return value == null ? "-" : value;
    }

    static Map<String, Object> json(Audit.Entry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", e.time().toString());
        m.put("topic", e.topic());
        m.put("partition", e.partition());
        m.put("offset", e.offset());
        m.put("type", e.type());
        m.put("key", e.key());
        m.put("eventId", e.eventId());
        m.put("traceId", e.traceId());
        m.put("summary", e.summary());
        m.put("via", e.via());
        return m;
    }
}
