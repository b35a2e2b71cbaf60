package io.laku.order.placement;

import io.laku.contracts.session.SeatSettled;
import io.laku.order.ordering.SettledParticipant;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A seat of a session's outcome, as SeatSettled announced it (table settled_participant); confirmed ones get orders. */
@Entity
@Table(name = "settled_participant")
public class SettledSeat extends PanacheEntityBase {

    @Id
    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "session_id")
    public UUID sessionId;

    public int position;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "variant_id")
    public UUID variantId;

    @Column(name = "variant_name")
    public String variantName;

    public long quantity;

    @Column(name = "paid_unit_price")
    public long paidUnitPrice;

    @Column(name = "final_unit_price")
    public long finalUnitPrice;

    @Column(name = "refund_due")
    public long refundDue;

    /** confirmed (an order is made for it), refunded or dropped (seen, so the outcome's count is complete; no order). */
    public String outcome;

    static SettledSeat of(SeatSettled seat) {
        SettledSeat settled = new SettledSeat();
        settled.participantId = UUID.fromString(seat.getParticipantId());
        settled.sessionId = UUID.fromString(seat.getSessionId());
        settled.position = seat.getSeat();
        settled.userId = UUID.fromString(seat.getUserId());
        settled.variantId = UUID.fromString(seat.getVariantId());
        settled.variantName = seat.getVariantName();
        settled.quantity = seat.getQuantity();
        settled.paidUnitPrice = seat.getPaidUnitPrice();
        settled.finalUnitPrice = seat.getFinalUnitPrice();
        settled.refundDue = seat.getRefundDue();
        settled.outcome = seat.getOutcome().name().toLowerCase();
        return settled;
    }

    SettledParticipant participant() {
        return new SettledParticipant(participantId, userId, variantId, variantName, quantity, paidUnitPrice,
                finalUnitPrice, refundDue);
    }
}
