package io.laku.payment.direct;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A seller-store order's direct payment (no escrow). Its id is the gateway's external_id. */
@Entity
@Table(name = "direct_payment")
public class DirectPayment extends PanacheEntityBase {

    public static final String PENDING_INVOICE = "pending_invoice";
    public static final String AWAITING_PAYMENT = "awaiting_payment";
    public static final String PAID = "paid";
    public static final String EXPIRED = "expired";
    /** The order was cancelled before it was paid. */
    public static final String CANCELLED = "cancelled";
    /** Paid after the payment had ended (expired or cancelled): refunded in full. */
    public static final String LATE_PAID = "late_paid";
    /** Paid, then the order was cancelled: refunded in full. */
    public static final String REFUNDED = "refunded";
    /** Paid and shipped: the money went to the seller's payable. */
    public static final String SETTLED = "settled";

    @Id
    public UUID id;

    @Column(name = "order_id")
    public UUID orderId;

    @Column(name = "customer_id")
    public UUID customerId;

    @Column(name = "seller_id")
    public UUID sellerId;

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

    public long settled;

    @Column(name = "expire_requested")
    public boolean expireRequested;

    @Column(name = "gateway_attempts")
    public int gatewayAttempts;

    @Column(name = "last_gateway_error")
    public String lastGatewayError;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /**
     * The status in the words of the callback rule ({@link io.laku.payment.callbacks.CallbackDecision}): open while an
     * invoice may still be paid, {@code paid} once the money came in, {@code expired} once the payment ended unpaid.
     */
    public String callbackStatus() {
        return switch (status) {
            case PENDING_INVOICE, AWAITING_PAYMENT -> status;
            case PAID, LATE_PAID, REFUNDED, SETTLED -> PAID;
            default -> EXPIRED;
        };
    }
}
