package io.laku.groupbuying.saga;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The session_timeline table: each step once per session (a refund once per refund id). */
public final class SessionTimeline {

    private SessionTimeline() {
    }

    public static Uni<Void> record(UUID sessionId, String step, String outcome, UUID eventId, Instant at) {
        return record(sessionId, step, "", 0, outcome, eventId, at);
    }

    /** Runs in the caller's transaction; a step already recorded (a redelivered or re-published fact) stays as it was. */
    public static Uni<Void> record(UUID sessionId, String step, String ref, long amount, String outcome, UUID eventId,
            Instant at) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into session_timeline (session_id, step, ref, amount, outcome, event_id, at)
                        values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
                        on conflict (session_id, step, ref) do nothing""")
                .setParameter(1, sessionId).setParameter(2, step).setParameter(3, ref).setParameter(4, amount)
                .setParameter(5, outcome).setParameter(6, eventId).setParameter(7, at)
                .executeUpdate()).replaceWithVoid();
    }

    public static Uni<List<Timeline.Step>> steps(UUID sessionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        select step, at, outcome, amount from session_timeline
                        where session_id = ?1 order by at, step""", Object[].class)
                .setParameter(1, sessionId).getResultList())
                .map(rows -> rows.stream().map(r -> new Timeline.Step((String) r[0], toInstant(r[1]), (String) r[2],
                        ((Number) r[3]).longValue())).toList());
    }

    private static Instant toInstant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case java.time.OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("unexpected time " + value.getClass());
        };
    }
}
