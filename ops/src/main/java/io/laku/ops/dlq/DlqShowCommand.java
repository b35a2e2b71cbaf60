package io.laku.ops.dlq;

import io.laku.ops.audit.Summaries;
import io.laku.ops.cli.Args;
import io.laku.ops.cli.Command;
import io.laku.ops.cli.Context;
import io.laku.ops.cli.OpsFailure;
import io.laku.ops.cli.Output;
import io.laku.ops.kafka.EventDecoder;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code dlq show <event id>}: everything about one event's dead letters, in every service that has one. */
public final class DlqShowCommand implements Command {

    @Override
    public String name() {
        return "dlq show";
    }

    @Override
    public String synopsis() {
        return "dlq show <event id>";
    }

    @Override
    public String help() {
        return """
                usage: ./laku events dlq show <event id> [--json]

                Every dead letter of one event, in each service that has one (open or since redriven): original
                topic partition@offset, type, key, trace id, when, the reason, cause and exception class as the
                consumer gave them, the place on laku.dlq.<service>, the last redrive and its outcome, and what
                the payload says. <event id> is the event's id header, or @<partition>:<offset> on the service's
                dead-letter topic for a record that had none (dlq list shows which).

                  --json   one JSON object per dead letter

                exit: 0 shown, 1 no such dead letter, 2 bad arguments, 3 Kafka is down""";
    }

    @Override
    public int run(List<String> argv, Context context) {
        Args args = Args.parse(argv, Set.of(), Set.of());
        Output output = context.output(args);
        args.expectPositionals("the event id");
        String ref = args.positionals().getFirst();
        if (!ref.startsWith("@")) {
            ref = Args.parseUuid("the event id", ref).toString();
        }
        String wanted = ref;
        List<DeadLetter> letters = DeadLetters.all(context.kafka(), Optional.empty(), output).stream()
                .filter(l -> l.ref().equals(wanted)).toList();
        if (letters.isEmpty()) {
            throw new OpsFailure("no dead letter with event id " + wanted);
        }
        Map<String, Redrives.Marker> markers = Redrives.read(context.kafka(), output);
        EventDecoder decoder = context.decoder();
        for (DeadLetter letter : letters) {
            Redrives.Marker marker = markers.get(letter.markerKey());
            Redrives.Marker since = marker != null && !marker.at().isBefore(letter.at()) ? marker : null;
            String payload = letter.originalTopic() == null ? "(original topic unknown)"
                    : switch (decoder.decode(letter.originalTopic(), letter.value())) {
                        case EventDecoder.Event event -> Summaries.of(event.record());
                        case EventDecoder.Unreadable unreadable -> "(" + unreadable.reason() + ")";
                    };
            String state = since == null ? "dead" : since.closes() ? "redriven: " + since.outcome() : "redrive failed";
            if (output.json()) {
                Map<String, Object> m = new LinkedHashMap<>(letter.json());
                m.put("state", state);
                m.put("lastRedriveAt", since == null ? null : since.at().toString());
                m.put("lastRedriveOutcome", since == null ? null : since.outcome());
                m.put("lastRedriveReason", since == null ? null : since.reason());
                m.put("payload", payload);
                output.object(m);
            } else {
                output.table(null, List.of(
                        List.of("service", letter.service()),
                        List.of("event", letter.ref() + " " + DlqListCommand.nn(letter.eventType())),
                        List.of("state", state),
                        List.of("original", letter.original()),
                        List.of("key", DlqListCommand.nn(letter.key())),
                        List.of("trace", DlqListCommand.nn(letter.traceId())),
                        List.of("dead since", letter.at().toString()),
                        List.of("reason", DlqListCommand.nn(letter.reason())),
                        List.of("cause", DlqListCommand.nn(letter.cause())),
                        List.of("exception", DlqListCommand.nn(letter.exceptionClass())),
                        List.of("dead letter", letter.topic() + " " + letter.partition() + "@" + letter.offset()),
                        List.of("last redrive", since == null ? "-" : since.at() + " " + since.outcome()
                                + (since.reason() == null ? "" : ": " + since.reason())),
                        List.of("payload", payload)));
                output.line("");
            }
        }
        return 0;
    }
}
