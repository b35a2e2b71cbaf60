package io.laku.order.placement;

import io.laku.order.ordering.SettledParticipant;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** A real participant of a confirmed session, kept until the session's stock is reserved (table settled_participant). */
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

    static SettledSeat of(UUID sessionId, int position, SettledParticipant participant) {
        SettledSeat seat = new SettledSeat();
        seat.participantId = participant.participantId();
        seat.sessionId = sessionId;
        seat.position = position;
        seat.userId = participant.userId();
        seat.variantId = participant.variantId();
        seat.variantName = participant.variantName();
        seat.quantity = participant.quantity();
        seat.paidUnitPrice = participant.paidUnitPrice();
        seat.finalUnitPrice = participant.finalUnitPrice();
        seat.refundDue = participant.refundDue();
        return seat;
    }

    SettledParticipant participant() {
        return new SettledParticipant(participantId, userId, variantId, variantName, quantity, paidUnitPrice,
                finalUnitPrice, refundDue);
    }
}
