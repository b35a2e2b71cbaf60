package io.laku.groupbuying.join;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.laku.groupbuying.seat.SeatEvent;
import io.laku.groupbuying.seat.SeatStatus;
import io.laku.groupbuying.seat.SeatStatusConverter;
import io.laku.groupbuying.tally.Tally;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Convert;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A real participant's seat in a session; its life is {@link SeatStatus}. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "variant_id")
    public UUID variantId;

    public long quantity;

    @Column(name = "unit_price")
    public long unitPrice;

    @Column(name = "amount_due")
    public long amountDue;

    @Convert(converter = SeatStatusConverter.class)
    public SeatStatus status;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "payment_url")
    public String paymentUrl;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * What the event does to the seat (SPEC §3, §4: {@link SeatStatus}), with the tally moved to match. Nothing
     * changes when the event means nothing for a seat in its status (a late or repeated event).
     *
     * @return the seat's status before the event, or empty when nothing changed
     */
    public Uni<Optional<SeatStatus>> apply(SeatEvent event, Instant at) {
        SeatStatus before = status;
        Optional<SeatStatus> after = before.after(event);
        if (after.isEmpty()) {
            return Uni.createFrom().item(Optional.empty());
        }
        status = after.get();
        updatedAt = at;
        return Tally.move(sessionId, variantId, quantity, before, status).replaceWith(Optional.of(before));
    }
}
