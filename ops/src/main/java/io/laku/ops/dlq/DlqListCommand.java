package io.laku.ops.dlq;

import io.laku.ops.cli.Args;
import io.laku.ops.cli.Command;
import io.laku.ops.cli.Context;
import io.laku.ops.cli.Output;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code dlq list [--service <service>]}: the dead letters still open. */
public final class DlqListCommand implements Command {

    @Override
    public String name() {
        return "dlq list";
    }

    @Override
    public String synopsis() {
        return "dlq list [--service <service>] [--all]";
    }

    @Override
    public String help() {
        return """
                usage: ./laku events dlq list [--service <service>] [--all] [--json]

                The dead letters still open, oldest first: what each service's consumer gave up on (laku.dlq.<service>),
                one line each: when, service, original topic partition@offset, event type, event id, reason.
                A dead letter that a redrive applied is not listed again; one whose redrive failed stays listed,
                with the new reason (state "redrive failed"). Reads Kafka alone.

                  --service <service>  only this service's dead letters
                  --all                also those a redrive applied (state "redriven: applied")
                  --json               one JSON object per dead letter

                exit: 0 done (also when there are none), 2 bad arguments, 3 Kafka is down""";
    }

    @Override
    public int run(List<String> argv, Context context) {
        Args args = Args.parse(argv, Set.of("service"), Set.of("all"));
        Output output = context.output(args);
        args.expectPositionals();
        Optional<String> service = args.option("service").map(context.environment()::service);
        List<DeadLetters.Open> open = args.flag("all") ? DeadLetters.current(context.kafka(), service, output)
                : DeadLetters.open(context.kafka(), service, output);
        if (output.json()) {
            open.forEach(o -> output.object(json(o)));
        } else if (open.isEmpty()) {
            output.line("no dead letters" + service.map(s -> " for " + s).orElse(""));
        } else {
            List<List<String>> rows = new ArrayList<>();
            for (DeadLetters.Open o : open) {
                DeadLetter l = o.letter();
                rows.add(List.of(l.at().toString(), l.service(), l.original(), nn(l.eventType()), l.ref(), o.state(),
                        nn(o.reason())));
            }
            output.table(List.of("WHEN", "SERVICE", "ORIGINAL", "TYPE", "EVENT", "STATE", "REASON"), rows);
        }
        return 0;
    }

    static Map<String, Object> json(DeadLetters.Open open) {
        Map<String, Object> m = new LinkedHashMap<>(open.letter().json());
        m.put("state", open.state());
        m.put("reason", open.reason());
        m.put("originalReason", open.letter().reason());
        m.put("lastRedriveAt", open.lastRedrive().map(r -> r.at().toString()).orElse(null));
        m.put("lastRedriveOutcome", open.lastRedrive().map(Redrives.Marker::outcome).orElse(null));
        return m;
    }

    static String nn(String value) {
        return value == null ? "-" : value;
    }
}
