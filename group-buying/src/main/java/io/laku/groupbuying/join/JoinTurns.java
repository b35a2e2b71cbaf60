package io.laku.groupbuying.join;

import io.laku.platform.eventing.SafeContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.BiFunction;

/**
 * The joins of one session take turns in this instance: while a session's join transaction runs, the joins that arrive
 * for it wait, and the next transaction seats all of them (up to {@link #MOST_PER_TURN}) under one lock of the session
 * row. A busy session's joins then cost a few statements per turn instead of per join, and its lock is held once per
 * turn instead of being queued for by every request. Joins of different sessions never wait for each other; other
 * instances still take the same row lock, so the rules hold across instances as before.
 */
@ApplicationScoped
public class JoinTurns {

    static final int MOST_PER_TURN = 100;

    /** A join waiting for its turn: what was asked, by whom (and the trace of its request), and where its answer goes. */
    public record Ask(JoinRequest request, UUID userId, String traceId, CompletableFuture<Participant> answer) {
    }

    /** A join's answer from its turn, given once the turn committed: its seat, or why it was refused. */
    public record Answer(Participant seat, RuntimeException refusal) {
    }

    /** A session's key is present while one of its turns runs; the value holds the joins for the next turn. */
    private final Map<UUID, List<Ask>> waiting = new HashMap<>();

    @Inject
    SafeContext safeContext;

    /**
     * The seat for this join (or its refusal), from the turn it goes in; {@code turn} seats a session's asks in one
     * transaction and gives their answers in the asks' order.
     */
    public Uni<Participant> take(UUID sessionId, Ask ask, BiFunction<UUID, List<Ask>, Uni<List<Answer>>> turn) {
        boolean first;
        synchronized (this) {
            List<Ask> next = waiting.get(sessionId);
            first = next == null;
            if (first) {
                waiting.put(sessionId, new ArrayList<>());
            } else {
                next.add(ask);
            }
        }
        if (first) {
            run(sessionId, List.of(ask), turn);
        }
        Context context = Vertx.currentContext();
        Uni<Participant> answer = Uni.createFrom().completionStage(ask.answer());
        // a turn runs on its own context: the answer goes back to the request's
        return context == null ? answer : answer.emitOn(task -> context.runOnContext(ignored -> task.run()));
    }

    private void run(UUID sessionId, List<Ask> asks, BiFunction<UUID, List<Ask>, Uni<List<Answer>>> turn) {
        safeContext.run(() -> turn.apply(sessionId, asks)).subscribe().with(
                answers -> {
                    for (int i = 0; i < asks.size(); i++) {
                        Answer answer = answers.get(i);
                        if (answer.refusal() == null) {
                            asks.get(i).answer().complete(answer.seat());
                        } else {
                            asks.get(i).answer().completeExceptionally(answer.refusal());
                        }
                    }
                    next(sessionId, turn);
                },
                failure -> {
                    asks.forEach(ask -> ask.answer().completeExceptionally(failure));
                    next(sessionId, turn);
                });
    }

    private void next(UUID sessionId, BiFunction<UUID, List<Ask>, Uni<List<Answer>>> turn) {
        List<Ask> asks;
        synchronized (this) {
            List<Ask> next = waiting.get(sessionId);
            if (next.isEmpty()) {
                waiting.remove(sessionId);
                return;
            }
            List<Ask> taken = next.subList(0, Math.min(next.size(), MOST_PER_TURN));
            asks = List.copyOf(taken);
            taken.clear();
        }
        run(sessionId, asks, turn);
    }
}
