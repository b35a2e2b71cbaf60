package io.laku.groupbuying.join;

import io.laku.groupbuying.session.Session;
import io.laku.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.LockModeType;
import java.util.UUID;

/**
 * Locks a session row for the rest of the transaction ({@code select ... for update}). Joins, leaves, payment events,
 * cancellation and expiry of one session all take this lock first, so they apply one after another per session
 * while different sessions proceed in parallel.
 */
public final class SessionLocks {

    private SessionLocks() {
    }

    /** For a request naming the session: 404 when there is none. */
    public static Uni<Session> lock(UUID sessionId) {
        return lockIfExists(sessionId).onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId));
    }

    /** For an event about the session: null when group-buying has no such session. */
    public static Uni<Session> lockIfExists(UUID sessionId) {
        return Session.<Session>findById(sessionId, LockModeType.PESSIMISTIC_WRITE);
    }
}
