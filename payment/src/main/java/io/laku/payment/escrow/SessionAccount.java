package io.laku.payment.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** What payment knows about a session: its factory, and whether its seats still take payments. */
@Entity
@Table(name = "session_account")
public class SessionAccount extends PanacheEntityBase {

    public static final String OPEN = "open";
    public static final String CONFIRMED = "confirmed";
    public static final String FAILED = "failed";
    public static final String CANCELLED = "cancelled";
    public static final String RELEASED = "released";

    @Id
    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "factory_id")
    public UUID factoryId;

    public String state;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** The factory's goods are made (or were in stock): half of what the release waits for. */
    @Column(name = "production_completed_at")
    public Instant productionCompletedAt;

    /** SeatSettled events the session's outcome announced (null until the outcome arrives). */
    @Column(name = "seats_expected")
    public Integer seatsExpected;

    @Column(name = "seats_settled")
    public int seatsSettled;

    /** Until the outcome arrives, a paid callback pays the seat; after it, the money is a late payment. */
    public boolean takesPayments() {
        return OPEN.equals(state);
    }

    /** Every seat of the outcome is settled: what escrow still holds is exactly the confirmed seats' final amounts. */
    public boolean outcomeComplete() {
        return seatsExpected != null && seatsSettled >= seatsExpected;
    }

    /**
     * SPEC §5.6: release once, when the outcome is complete, production is done and the session's orders exist, in
     * whatever order those facts arrive.
     */
    public boolean releaseDue(boolean ordersExist) {
        return CONFIRMED.equals(state) && outcomeComplete() && productionCompletedAt != null && ordersExist;
    }

}
