package io.laku.groupbuying.join;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.platform.eventing.SafeContext;
import io.smallrye.mutiny.Uni;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Joins of one session take turns: who goes in which turn, and who hears what. The turns here are held by hand. */
class JoinTurnsTest {

    private static final Duration SOON = Duration.ofSeconds(5);
    private final UUID session = UUID.randomUUID();
    private final JoinTurns turns = new JoinTurns();
    /** Every turn run, with its asks and the answer the test gives it when it likes. */
    private final List<Turn> ran = new ArrayList<>();

    private record Turn(UUID session, List<JoinTurns.Ask> asks, CompletableFuture<List<JoinTurns.Answer>> result) {
    }

    JoinTurnsTest() {
        turns.safeContext = new SafeContext() {
            @Override
            public <T> Uni<T> run(Supplier<Uni<T>> work) {
                return work.get();
            }
        };
    }

    private Uni<List<JoinTurns.Answer>> turn(UUID sessionId, List<JoinTurns.Ask> asks) {
        Turn turn = new Turn(sessionId, asks, new CompletableFuture<>());
        synchronized (ran) {
            ran.add(turn);
        }
        return Uni.createFrom().completionStage(turn.result());
    }

    private CompletableFuture<Participant> join(UUID sessionId, String customer) {
        JoinTurns.Ask ask = new JoinTurns.Ask(new JoinRequest(customer, UUID.randomUUID(), 1L, 1L, 1L),
                UUID.randomUUID(), "trace-" + customer, new CompletableFuture<>());
        return turns.take(sessionId, ask, this::turn).subscribeAsCompletionStage();
    }

    private static Participant seat(String customer) {
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        return p;
    }

    private static List<String> customers(Turn turn) {
        return turn.asks().stream().map(ask -> ask.request().userId()).toList();
    }

    @Test
    void aJoinAloneHasATurnAtOnce() throws Exception {
        CompletableFuture<Participant> ani = join(session, "ani");

        assertThat(ran).hasSize(1);
        assertThat(customers(ran.get(0))).containsExactly("ani");
        Participant seated = seat("ani");
        ran.get(0).result().complete(List.of(new JoinTurns.Answer(seated, null)));
        assertThat(ani.get(SOON.toSeconds(), TimeUnit.SECONDS)).isSameAs(seated);
    }

    @Test
    void joinsArrivingDuringATurnGoTogetherInTheNextInTheOrderTheyCame() throws Exception {
        CompletableFuture<Participant> ani = join(session, "ani");
        CompletableFuture<Participant> budi = join(session, "budi");
        CompletableFuture<Participant> citra = join(session, "citra");
        assertThat(ran).hasSize(1); // budi and citra wait for ani's turn to end

        ran.get(0).result().complete(List.of(new JoinTurns.Answer(seat("ani"), null)));

        assertThat(ani).isCompleted();
        assertThat(ran).hasSize(2);
        assertThat(customers(ran.get(1))).containsExactly("budi", "citra");
        assertThat(budi).isNotDone();
        RuntimeException soldOut = new IllegalStateException("variant M has 0 units available, 1 requested");
        Participant citraSeat = seat("citra");
        ran.get(1).result().complete(List.of(new JoinTurns.Answer(null, soldOut),
                new JoinTurns.Answer(citraSeat, null)));
        assertThatThrownBy(budi::join).hasCause(soldOut);
        assertThat(citra.join()).isSameAs(citraSeat);
        assertThat(ran).hasSize(2); // nobody waits: no third turn
    }

    @Test
    void aFailedTurnFailsItsOwnJoinsOnlyAndTheNextTurnStillRuns() {
        CompletableFuture<Participant> ani = join(session, "ani");
        CompletableFuture<Participant> budi = join(session, "budi");
        RuntimeException databaseAway = new IllegalStateException("connection refused");

        ran.get(0).result().completeExceptionally(databaseAway);

        assertThatThrownBy(ani::join).hasCause(databaseAway);
        assertThat(ran).hasSize(2);
        assertThat(customers(ran.get(1))).containsExactly("budi");
        ran.get(1).result().complete(List.of(new JoinTurns.Answer(seat("budi"), null)));
        assertThat(budi).isCompletedWithValueMatching(p -> p.id != null);
    }

    @Test
    void anotherSessionsJoinsNeverWait() {
        join(session, "ani");
        UUID other = UUID.randomUUID();

        join(other, "dewi");

        assertThat(ran).hasSize(2);
        assertThat(ran.get(1).session()).isEqualTo(other);
    }

    @Test
    void aTurnSeatsAtMostAHundredJoins() {
        join(session, "first");
        for (int i = 0; i < JoinTurns.MOST_PER_TURN + 5; i++) {
            join(session, "c" + i);
        }

        ran.get(0).result().complete(List.of(new JoinTurns.Answer(seat("first"), null)));
        assertThat(ran.get(1).asks()).hasSize(JoinTurns.MOST_PER_TURN);
        ran.get(1).result().complete(ran.get(1).asks().stream().map(ask -> new JoinTurns.Answer(seat("c"), null))
                .toList());

        assertThat(ran.get(2).asks()).hasSize(5);
        assertThat(customers(ran.get(2)).getFirst()).isEqualTo("c" + JoinTurns.MOST_PER_TURN);
    }
}
