package io.laku.groupbuying.expiry;

import io.laku.groupbuying.join.SessionLocks;
import io.laku.groupbuying.session.Session;
import io.laku.groupbuying.session.SessionStatus;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Ends due sessions (SPEC §4). A run claims due forming sessions with {@code for update skip locked}, so two
 * instances (or two runs) never take the same session, and in the same transaction closes each ({@link SessionClosing}:
 * unpaid seats dropped, the outcome decided from the paid real seats, the session event and one SeatSettled per seat
 * published). The status leaves {@code forming}, so a second run finds nothing.
 */
@ApplicationScoped
public class ExpiryService {

    /** What a run did to one session. */
    public record Expired(UUID sessionId, String outcome, Integer tier, Long finalUnitPrice, long paidUnits,
            long botUnits, String reason) {
    }

    private static final String CLAIM = """
            select id from group_buying_session
            where status = 'forming' and end_time <= ?1
            order by end_time
            limit ?2
            for update skip locked""";

    @Inject
    SessionClosing closing;

    @ConfigProperty(name = "laku.expiry.batch", defaultValue = "50")
    int batch;

    public int batch() {
        return batch;
    }

    Clock clock = Clock.systemUTC();

    /** Ends up to one batch of due sessions in one transaction; sessions locked by another run are skipped. */
    @WithTransaction
    public Uni<List<Expired>> processDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Panache.getSession()
                .chain(s -> s.<UUID>createNativeQuery(CLAIM).setParameter(1, now).setParameter(2, batch)
                        .getResultList())
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Session.<Session>findById(id)
                                .chain(session -> close(session, now)))
                        .collect().asList());
    }

    /** Sets the session's end to now and ends it (for tests and ops). 409 unless it is forming. */
    @WithTransaction
    public Uni<Expired> manualExpire(UUID sessionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return SessionLocks.lock(sessionId).chain(session -> {
            if (session.status != SessionStatus.FORMING) {
                throw ProblemException.conflict("session-not-forming", "session " + sessionId + " is already "
                        + session.status.code(), "status", Map.of("status", session.status.code()));
            }
            session.endTime = now;
            return close(session, now);
        });
    }

    private Uni<Expired> close(Session session, Instant now) {
        return closing.close(session, new SessionClosing.Ending.Expired(), now);
    }
}
