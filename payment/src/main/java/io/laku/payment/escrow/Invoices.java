package io.laku.payment.escrow;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.payment.gateway.GatewayInvoice;
import io.laku.platform.eventing.OutboxWriter;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * A seat's invoice as the gateway made it, stored once on its locked payment row, whoever learns of it first: the
 * invoice worker (the gateway's answer) or a paid callback that outran it (the callback reads the invoice from the
 * gateway). Runs in the caller's transaction.
 */
@ApplicationScoped
public class Invoices {

    private static final Logger LOG = Logger.getLogger(Invoices.class);

    /** PaymentExpired's reason when the invoice could not be made. */
    public static final String INVOICE_FAILED = "INVOICE_FAILED";

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "laku.payment.invoice-duration")
    Duration invoiceDuration;

    /**
     * Stores the invoice unless the row has it already. A payment still waiting for it becomes {@code awaiting_payment};
     * one that was paid before its invoice was stored (the callback won the race) keeps its status. Both announce the
     * link with {@code PaymentInvoiceCreated}. A seat that ended meanwhile keeps the invoice only to expire it at the
     * gateway, and nobody is shown its link.
     */
    public Uni<Void> store(Payment payment, GatewayInvoice invoice) {
        PaymentInvoiceCreated announced = stored(payment, invoice);
        return announced == null ? Uni.createFrom().voidItem()
                : outbox.publish(payment.sessionId, announced).replaceWithVoid();
    }

    /** {@link #store}'s change to the row; the event that announces the link, or null when none is to be shown. */
    PaymentInvoiceCreated stored(Payment payment, GatewayInvoice invoice) {
        if (payment.invoiceUrl != null) {
            return null;
        }
        Instant now = Instant.now();
        payment.invoiceId = invoice.id();
        payment.invoiceUrl = invoice.invoiceUrl();
        payment.expiresAt = invoice.expiryDate() == null ? now.plus(invoiceDuration) : invoice.expiryDate();
        payment.updatedAt = now;
        boolean announce = switch (payment.status) {
            case Payment.PENDING_INVOICE -> {
                payment.status = Payment.AWAITING_PAYMENT;
                yield true;
            }
            case Payment.AWAITING_PAYMENT, Payment.PAID -> true;
            case Payment.CANCELLED, Payment.INVOICE_FAILED -> {
                payment.requestExpiry(now); // the seat ended (or was given up) while the invoice was being opened
                yield false;
            }
            default -> false; // late_paid, expired: the invoice is over already
        };
        LOG.debugf("Invoice %s for payment %s of participant %s (%s)", invoice.id(), payment.id, payment.participantId,
                payment.status);
        if (!announce) {
            return null;
        }
        return PaymentInvoiceCreated.newBuilder()
                .setSessionId(payment.sessionId.toString())
                .setParticipantId(payment.participantId.toString())
                .setPaymentId(payment.id.toString())
                .setUserId(payment.userId.toString())
                .setAmount(payment.amount)
                .setInvoiceUrl(invoice.invoiceUrl())
                .setExpiresAt(payment.expiresAt)
                .setCreatedAt(now)
                .build();
    }

    /**
     * The invoice cannot be made: the payment is over and the seat is released (group-buying, notifications); the
     * event that says so.
     */
    PaymentExpired failed(Payment payment, String why) {
        Instant now = Instant.now();
        payment.status = Payment.INVOICE_FAILED;
        payment.updatedAt = now;
        LOG.errorf("Invoice for payment %s of participant %s failed after %d attempt(s) (%s): %s; the seat is released",
                payment.id, payment.participantId, payment.gatewayAttempts, why, payment.lastGatewayError);
        return PaymentExpired.newBuilder()
                .setSessionId(payment.sessionId.toString())
                .setParticipantId(payment.participantId.toString())
                .setPaymentId(payment.id.toString())
                .setUserId(payment.userId.toString())
                .setReason(INVOICE_FAILED)
                .setExpiredAt(now)
                .build();
    }
}
