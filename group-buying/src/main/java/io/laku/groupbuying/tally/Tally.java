package io.laku.groupbuying.tally;

import io.laku.groupbuying.seat.SeatStatus;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The per-session, per-variant tally ({@code session_variant_tally}): units of live real seats, awaiting payment and
 * paid. Every method runs in the caller's transaction.
 */
public final class Tally {

    /** One variant's units in one session. */
    public record Units(long awaiting, long paid) {
        public long live() {
            return awaiting + paid;
        }
    }

    private Tally() {
    }

    /** The tally of a session by variant id (variants without seats are absent). */
    public static Uni<Map<UUID, Units>> of(UUID sessionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "select variant_id, awaiting_units, paid_units from session_variant_tally where session_id = ?1",
                        Object[].class)
                .setParameter(1, sessionId)
                .getResultList())
                .map(Tally::toMap);
    }

    /** orders[v] of SPEC §3: live units per variant. */
    public static Map<UUID, Long> orders(Map<UUID, Units> tally) {
        Map<UUID, Long> orders = new LinkedHashMap<>();
        tally.forEach((variant, units) -> orders.put(variant, units.live()));
        return orders;
    }

    /** A seat of {@code quantity} units went from one status to another: its units move in the tally to match. */
    public static Uni<Void> move(UUID sessionId, UUID variantId, long quantity, SeatStatus from, SeatStatus to) {
        long awaiting = to.awaitingUnits(quantity) - from.awaitingUnits(quantity);
        long paid = to.paidUnits(quantity) - from.paidUnits(quantity);
        return awaiting == 0 && paid == 0 ? Uni.createFrom().voidItem() : add(sessionId, variantId, awaiting, paid);
    }

    /**
     * Adds (or with negative numbers, removes) units. Removing only ever touches a row a seat created, so it is a plain
     * update (an upsert would check its proposed negative row against the table's constraints first).
     */
    public static Uni<Void> add(UUID sessionId, UUID variantId, long awaiting, long paid) {
        if (awaiting < 0 || paid < 0) {
            return Panache.getSession().chain(s -> s.createNativeQuery("""
                            update session_variant_tally
                            set awaiting_units = awaiting_units + ?3, paid_units = paid_units + ?4
                            where session_id = ?1 and variant_id = ?2""")
                    .setParameter(1, sessionId)
                    .setParameter(2, variantId)
                    .setParameter(3, awaiting)
                    .setParameter(4, paid)
                    .executeUpdate())
                    .invoke(updated -> {
                        if (updated != 1) {
                            throw new IllegalStateException("no tally row for session " + sessionId + " variant " + variantId);
                        }
                    })
                    .replaceWithVoid();
        }
        return Panache.getSession().chain(s -> s.createNativeQuery("""
                        insert into session_variant_tally (session_id, variant_id, awaiting_units, paid_units)
                        values (?1, ?2, ?3, ?4)
                        on conflict (session_id, variant_id) do update
                        set awaiting_units = session_variant_tally.awaiting_units + excluded.awaiting_units,
                            paid_units = session_variant_tally.paid_units + excluded.paid_units""")
                .setParameter(1, sessionId)
                .setParameter(2, variantId)
                .setParameter(3, awaiting)
                .setParameter(4, paid)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** At the end of a session: unpaid seats were dropped, so no units await payment any more. */
    public static Uni<Void> dropAwaiting(UUID sessionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update session_variant_tally set awaiting_units = 0 where session_id = ?1")
                .setParameter(1, sessionId)
                .executeUpdate())
                .replaceWithVoid();
    }

    /** At the end of a failed or cancelled session: its paid seats were refunded, so no units are paid any more. */
    public static Uni<Void> dropPaid(UUID sessionId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(
                        "update session_variant_tally set paid_units = 0 where session_id = ?1")
                .setParameter(1, sessionId)
                .executeUpdate())
                .replaceWithVoid();
    }

    private static Map<UUID, Units> toMap(List<Object[]> rows) {
        Map<UUID, Units> tally = new LinkedHashMap<>();
        for (Object[] row : rows) {
            tally.put((UUID) row[0], new Units(((Number) row[1]).longValue(), ((Number) row[2]).longValue()));
        }
        return tally;
    }
}
