package io.laku.groupbuying.join;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A real participant's seat in a session. Status: see {@link #AWAITING_PAYMENT} and the others. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

    public static final String AWAITING_PAYMENT = "awaiting_payment";
    public static final String PAID = "paid";
    /** The payment expired or failed: the seat was released. */
    public static final String EXPIRED = "expired";
    public static final String LEFT = "left";
    /** Still unpaid when the session expired: not part of the outcome. */
    public static final String DROPPED = "dropped";

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

    public String status;

    @Column(name = "payment_id")
    public UUID paymentId;

    @Column(name = "payment_url")
    public String paymentUrl;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public boolean live() {
        return AWAITING_PAYMENT.equals(status) || PAID.equals(status);
    }
}
