package io.laku.order.placement;

import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.order.ordering.OrderStatus;
import io.laku.platform.eventing.PoisonEventException;
import io.laku.platform.sql.MultiRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import io.laku.contracts.session.SessionEnd;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What order hears of a session (SPEC §5 step 5): its outcome (SessionConfirmed, then one SeatSettled per seat) and
 * its stock reservation (StockReserved), on two topics in either order. Each handler runs in the consumer's
 * transaction (with its inbox row), holds the session's row lock, and only records the fact; the {@link OrderPlacer}
 * makes the orders, in bounded batches, once the session is confirmed and its stock reserved.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class);

    private static final String READY_TO_SHIP = """
            update customer_order set status = ?1, updated_at = ?2 where session_id = ?3 and status = ?4""";
    public Uni<Void> confirmed(SessionConfirmed confirmed) {
        UUID sessionId = sessionId(confirmed.getSessionId());
        return OrderSession.lock(sessionId).invoke(session -> {
            if (session.confirmedAt != null) {
                LOG.infof("Session %s: settlement already known, this one changes nothing", sessionId);
                return;
            }
            session.productId = UUID.fromString(confirmed.getProductId());
            session.factoryId = UUID.fromString(confirmed.getFactoryId());
            session.tier = confirmed.getTier();
            session.finalUnitPrice = confirmed.getFinalUnitPrice();
            session.confirmedAt = confirmed.getConfirmedAt();
            session.seatsExpected = confirmed.getSeats();
            session.updatedAt = Instant.now();
            LOG.infof("Session %s confirmed at tier %d: %d seats to settle", sessionId, confirmed.getTier(),
                    confirmed.getSeats());
        }).replaceWithVoid();
    }

    /**
     * Seats of the outcome, a run of SeatSettled at a time: a confirmed seat waits for the order placer, the others
     * only count. A session's seats of the run are one multi-row insert.
     */
    public Uni<Void> seatsSettled(List<SeatSettled> seats) {
        Map<UUID, List<SettledSeat>> bySession = new LinkedHashMap<>();
        for (SeatSettled seat : seats) {
            if (seat.getSessionOutcome() != SessionEnd.CONFIRMED) {
                continue; // a failed or cancelled session has no orders
            }
            UUID sessionId = sessionId(seat.getSessionId());
            try {
                bySession.computeIfAbsent(sessionId, id -> new ArrayList<>()).add(SettledSeat.of(seat));
            } catch (IllegalArgumentException e) {
                throw new PoisonEventException("SeatSettled " + seat.getParticipantId() + " cannot become an order: "
                        + e.getMessage(), e);
            }
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, List<SettledSeat>> session : bySession.entrySet()) {
            chain = chain.chain(() -> record(session.getKey(), session.getValue()));
        }
        return chain;
    }

    private static Uni<Void> record(UUID sessionId, List<SettledSeat> seats) {
        return OrderSession.lock(sessionId).chain(session -> {
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (List<SettledSeat> chunk : MultiRow.chunks(seats)) {
                chain = chain.chain(() -> Panache.getSession().chain(s -> {
                    var insert = s.<UUID>createNativeQuery(insertOf(chunk.size()));
                    int p = 1;
                    for (SettledSeat seat : chunk) {
                        insert.setParameter(p++, seat.participantId).setParameter(p++, seat.sessionId)
                                .setParameter(p++, seat.position).setParameter(p++, seat.userId)
                                .setParameter(p++, seat.variantId).setParameter(p++, seat.variantName)
                                .setParameter(p++, seat.quantity).setParameter(p++, seat.paidUnitPrice)
                                .setParameter(p++, seat.finalUnitPrice).setParameter(p++, seat.refundDue)
                                .setParameter(p++, seat.outcome);
                    }
                    return insert.getResultList();
                })).invoke(inserted -> {
                    session.seatsSeen += inserted.size();
                    session.updatedAt = Instant.now();
                }).replaceWithVoid();
            }
            return chain;
        });
    }

    private static String insertOf(int rows) {
        return """
                insert into settled_participant (participant_id, session_id, position, user_id, variant_id, variant_name,
                                                 quantity, paid_unit_price, final_unit_price, refund_due, outcome)
                values\s""" + MultiRow.tuples(rows, 11) + " on conflict (participant_id) do nothing returning participant_id";
    }

    public Uni<Void> stockReserved(StockReserved reserved) {
        return OrderSession.lock(sessionId(reserved.getSessionId())).invoke(session -> {
            if (session.stockReservedAt != null) {
                LOG.infof("Session %s: stock already known reserved", session.sessionId);
                return;
            }
            session.stockReservedAt = reserved.getReservedAt();
            session.updatedAt = Instant.now();
            LOG.infof("Session %s: stock reserved, orders can be made", session.sessionId);
        }).replaceWithVoid();
    }

    /** The factory finished: the session's orders can ship. Orders made later start ready to ship. */
    public Uni<Void> productionCompleted(ProductionCompleted completed) {
        return OrderSession.lock(sessionId(completed.getSessionId())).chain(session -> {
            if (session.productionCompletedAt == null) {
                session.productionCompletedAt = completed.getCompletedAt();
                session.updatedAt = Instant.now();
            }
            return Panache.getSession().chain(s -> s.createNativeQuery(READY_TO_SHIP)
                            .setParameter(1, OrderStatus.READY_TO_SHIP.code())
                            .setParameter(2, Instant.now())
                            .setParameter(3, session.sessionId)
                            .setParameter(4, OrderStatus.CREATED.code())
                            .executeUpdate())
                    .invoke(moved -> LOG.infof("Session %s production completed: %d orders ready to ship",
                            session.sessionId, moved))
                    .replaceWithVoid();
        });
    }

    private static UUID sessionId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("session id is not a UUID: " + value);
        }
    }
}
