package io.laku.payment.escrow;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One participant's escrow payment. Its id is the gateway's external_id (the idempotency key). */
@Entity
@Table(name = "payment")
public class Payment extends PanacheEntityBase {

    public static final String PENDING_INVOICE = "pending_invoice";
    public static final String AWAITING_PAYMENT = "awaiting_payment";
    public static final String PAID = "paid";
    public static final String EXPIRED = "expired";
    public static final String CANCELLED = "cancelled";
    /** Paid after the invoice expired or the seat ended: refunded in full to the wallet. */
    public static final String LATE_PAID = "late_paid";
    /** The gateway refused the invoice, or did not answer within the attempts: the seat is released. */
    public static final String INVOICE_FAILED = "invoice_failed";

    @Id
    public UUID id;

    @Column(name = "session_id")
    public UUID sessionId;

    @Column(name = "participant_id")
    public UUID participantId;

    @Column(name = "user_id")
    public UUID userId;

    public long amount;

    public String status;

    @Column(name = "invoice_id")
    public String invoiceId;

    @Column(name = "invoice_url")
    public String invoiceUrl;

    @Column(name = "expires_at")
    public Instant expiresAt;

    @Column(name = "paid_at")
    public Instant paidAt;

    public long refunded;

    @Column(name = "expire_requested")
    public boolean expireRequested;

    @Column(name = "gateway_attempts")
    public int gatewayAttempts;

    @Column(name = "last_gateway_error")
    public String lastGatewayError;

    /** When the invoice worker may take the row next (its lease while a call runs, its backoff after a failure). */
    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    /** The seat ended (left, dropped by the outcome) while the payment was open: money reaching it is late. */
    @Column(name = "seat_ended_at")
    public Instant seatEndedAt;

    /** This seat's part of the session's outcome (SeatSettled): confirmed, refunded or dropped; null before it. */
    @Column(name = "seat_outcome")
    public String seatOutcome;

    /** What of the payment stays in escrow for the factory (confirmed seats); 0 for the others. */
    @Column(name = "final_amount")
    public Long finalAmount;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The seat's payment is over, unpaid: no invoice will be made, and an open one is expired at the gateway (by the
     * invoice worker, as soon as it can). A payment that still reaches it is a late payment.
     */
    public void seatEnded(Instant at) {
        if (seatEndedAt == null) {
            seatEndedAt = at;
        }
        if (PENDING_INVOICE.equals(status)) {
            status = CANCELLED;
        } else if (AWAITING_PAYMENT.equals(status) && !expireRequested) {
            requestExpiry(at);
        }
        updatedAt = at;
    }

    /** The invoice worker's to-do: expire this payment's invoice at the gateway, with a fresh count of attempts. */
    public void requestExpiry(Instant at) {
        expireRequested = true;
        gatewayAttempts = 0;
        nextAttemptAt = at;
        updatedAt = at;
    }
}
