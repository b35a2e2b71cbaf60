package io.laku.notifications.audience;

import io.laku.platform.sql.MultiRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Who belongs to a session, learnt from the events that name them (SessionCreated and every later event
 * that carries the factory, ParticipantJoined, SessionConfirmed), so events that name only the session
 * (ProductionCompleted, PurchaseOrderReceived) reach the right people. Insert-only: the order in which
 * events of different topics arrive does not matter, and a repeat adds nothing.
 */
@ApplicationScoped
public class SessionMembers {

    public enum Role {
        /** the factory that runs the session */
        FACTORY,
        /** took a seat (paid or not, may have left) */
        JOINED,
        /** a real participant of the confirmed session: the people who get goods */
        PARTICIPANT;

        String code() {
            return name().toLowerCase();
        }
    }

    private static final String ADD = """
            insert into session_member (session_id, user_id, role) values (?1, ?2, ?3)
            on conflict do nothing""";

    private static final String WITH_ROLE = """
            select user_id from session_member where session_id = ?1 and role = ?2 order by added_at, user_id""";

    /** Runs inside the caller's transaction. */
    public Uni<Void> add(UUID sessionId, UUID userId, Role role) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD)
                .setParameter(1, sessionId)
                .setParameter(2, userId)
                .setParameter(3, role.code())
                .executeUpdate()).replaceWithVoid();
    }

    /** A member of a session in a role. */
    public record Member(UUID sessionId, UUID userId, Role role) {
    }

    /** {@link #add} for many, in multi-row inserts. Runs inside the caller's transaction. */
    public Uni<Void> addAll(List<Member> members) {
        return Panache.getSession().chain(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (List<Member> chunk : MultiRow.chunks(members)) {
                chain = chain.chain(() -> {
                    var insert = session.createNativeQuery("insert into session_member (session_id, user_id, role) "
                            + "values " + MultiRow.tuples(chunk.size(), 3) + " on conflict do nothing");
                    int p = 1;
                    for (Member member : chunk) {
                        insert.setParameter(p++, member.sessionId()).setParameter(p++, member.userId())
                                .setParameter(p++, member.role().code());
                    }
                    return insert.executeUpdate();
                });
            }
            return chain;
        }).replaceWithVoid();
    }

    public Uni<List<UUID>> withRole(UUID sessionId, Role role) {
        return Panache.getSession().chain(session -> session.<UUID>createNativeQuery(WITH_ROLE)
                .setParameter(1, sessionId)
                .setParameter(2, role.code())
                .getResultList());
    }
}
