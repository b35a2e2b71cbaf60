package io.laku.platform.ops;

import io.laku.platform.eventing.Backoff;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventListener;
import io.laku.platform.eventing.EventRecord;
import io.laku.platform.eventing.Outcome;
import io.laku.platform.eventing.Outcome.Result;
import io.laku.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Records applied by ops (a replay, a redrive) through every listener of their topic, exactly as the live consumer
 * applies them ({@link EventConsumer#apply}): same handlers, same inbox, so what a listener applied before changes
 * nothing. A transient failure (the database away) is tried again a few times, then the request fails with 503.
 */
@ApplicationScoped
public class Applying {

    private static final Logger LOG = Logger.getLogger(Applying.class);
    private static final int ATTEMPTS = 5;
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(5));

    /** One record's outcome over all the listeners of its topic. */
    public record Applied(EventRecord record, String eventId, String eventType, Result result, String reason) {
    }

    @Inject
    EventConsumer events;

    /** The records (all of one topic), in order; one outcome per record. */
    public List<Applied> apply(List<EventListener> listeners, List<EventRecord> records, boolean dryRun) {
        List<List<Outcome>> perListener = new ArrayList<>();
        for (EventListener listener : listeners) {
            perListener.add(withRetries(listener, records, dryRun));
        }
        List<Applied> applied = new ArrayList<>(records.size());
        for (int i = 0; i < records.size(); i++) {
            int index = i;
            List<Outcome> outcomes = perListener.stream().map(o -> o.get(index)).toList();
            Outcome first = outcomes.getFirst();
            Outcome poison = outcomes.stream().filter(o -> o.result() == Result.POISON).findFirst().orElse(null);
            Result combined = poison != null ? Result.POISON
                    : any(outcomes, Result.APPLIED) ? Result.APPLIED
                    : any(outcomes, Result.WOULD_APPLY) ? Result.WOULD_APPLY
                    : any(outcomes, Result.ALREADY_APPLIED) ? Result.ALREADY_APPLIED
                    : Result.NOT_HANDLED;
            applied.add(new Applied(records.get(i), first.eventId(), first.eventType(), combined,
                    poison == null ? null : poison.reason()));
        }
        return applied;
    }

    private List<Outcome> withRetries(EventListener listener, List<EventRecord> records, boolean dryRun) {
        for (int attempt = 1; ; attempt++) {
            try {
                return events.apply(listener, records, dryRun).await().atMost(Duration.ofMinutes(5));
            } catch (RuntimeException e) {
                String where = records.getFirst().position() + " to " + records.getLast().position();
                if (attempt == ATTEMPTS) {
                    throw new ProblemException(503, "events-not-applied", "Service unavailable", events.consumerName(listener)
                            + " could not apply " + where + " (" + ATTEMPTS + " attempts): " + e.getMessage()
                            + ". Nothing of it was applied; what came before was. Run it again from there.", null,
                            Map.of("from", records.getFirst().position()));
                }
                LOG.warnf("%s: applying %s for ops failed (attempt %d), retrying: %s", events.consumerName(listener), where,
                        attempt, e.toString());
                pause(BACKOFF.after(attempt));
            }
        }
    }

    private static boolean any(List<Outcome> outcomes, Result result) {
        return outcomes.stream().anyMatch(o -> o.result() == result);
    }

    private static void pause(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
