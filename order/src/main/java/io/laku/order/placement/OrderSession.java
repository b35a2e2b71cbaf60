package io.laku.order.placement;

import io.laku.order.ordering.SessionProgress;
import io.laku.order.ordering.Settlement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What order has heard of one session (see {@link SessionProgress}). */
@Entity
@Table(name = "order_session")
public class OrderSession extends PanacheEntityBase {

    private static final String ENSURE = "insert into order_session (session_id) values (?1) on conflict (session_id) do nothing";

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "product_id")
    public UUID productId;

    @Column(name = "factory_id")
    public UUID factoryId;

    public Integer tier;

    @Column(name = "final_unit_price")
    public Long finalUnitPrice;

    @Column(name = "confirmed_at")
    public Instant confirmedAt;

    @Column(name = "stock_reserved_at")
    public Instant stockReservedAt;

    @Column(name = "production_completed_at")
    public Instant productionCompletedAt;

    @Column(name = "orders_created_at")
    public Instant ordersCreatedAt;

    /** SeatSettled events SessionConfirmed announced (null until it arrives). */
    @Column(name = "seats_expected")
    public Integer seatsExpected;

    @Column(name = "seats_seen")
    public int seatsSeen;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The session's row, created if this is the first fact about it, and locked for the rest of the transaction: the
     * consumers of the two topics take turns on it, so whichever comes second sees what the first wrote. (A second
     * insert of the same id waits on the primary key until the first commits, then finds the row.)
     */
    static Uni<OrderSession> lock(UUID sessionId) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(ENSURE).setParameter(1, sessionId).executeUpdate())
                .chain(() -> OrderSession.<OrderSession>findById(sessionId, LockModeType.PESSIMISTIC_WRITE));
    }

    boolean isSettled() {
        return confirmedAt != null;
    }

    /** Every seat of the outcome has been seen, so no more confirmed seats (no more orders) can come. */
    boolean allSeatsKnown() {
        return seatsExpected != null && seatsSeen >= seatsExpected;
    }

    /** @param settlement the confirmed seats still to be ordered (null when the session has not been confirmed yet) */
    SessionProgress progress(Settlement settlement) {
        return new SessionProgress(settlement, stockReservedAt != null, productionCompletedAt != null,
                ordersCreatedAt != null);
    }
}
