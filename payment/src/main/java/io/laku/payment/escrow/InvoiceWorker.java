package io.laku.payment.escrow;

import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.payment.gateway.GatewayInvoice;
import io.laku.payment.gateway.GatewayRejectedException;
import io.laku.payment.gateway.PaymentGateway;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Talks to the gateway outside any database transaction. A join only writes a {@code pending_invoice}
 * row; this worker opens its invoice (external_id = the payment id, so the gateway's idempotency makes a
 * repeat harmless), then stores it and publishes {@code PaymentInvoiceCreated} in one transaction. A crash
 * between the two repeats the call and gets the same invoice back: no payment is lost or doubled. It also
 * expires, at the gateway, the open invoices of seats that ended.
 */
@ApplicationScoped
public class InvoiceWorker {

    private static final Logger LOG = Logger.getLogger(InvoiceWorker.class);
    private static final int BATCH = 50;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    PaymentGateway gateway;

    @Inject
    SafeContext safeContext;

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "laku.payment.invoice-duration")
    Duration invoiceDuration;

    @Scheduled(every = "${laku.payment.worker-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        List<Payment> pending = safeContext.run(() -> Panache.withSession(() -> Payment.<Payment>find(
                "status = ?1 order by createdAt, id", Payment.PENDING_INVOICE).page(0, BATCH).list()))
                .await().atMost(DB_TIMEOUT);
        pending.forEach(this::openInvoice);
        List<Payment> ending = safeContext.run(() -> Panache.withSession(() -> Payment.<Payment>find(
                "expireRequested = true and invoiceId is not null order by updatedAt, id").page(0, BATCH).list()))
                .await().atMost(DB_TIMEOUT);
        ending.forEach(this::expireInvoice);
    }

    void openInvoice(Payment payment) {
        GatewayInvoice invoice;
        try {
            invoice = gateway.createInvoice(payment.id.toString(), payment.amount,
                    "Laku group-buying escrow, session " + payment.sessionId, invoiceDuration);
        } catch (RuntimeException e) {
            LOG.warnf("Invoice for payment %s not created yet (will retry): %s", payment.id, e.toString());
            recordFailure(payment.id, e);
            return;
        }
        safeContext.run(() -> Panache.withTransaction(() -> Payment.<Payment>findById(payment.id, LockModeType.PESSIMISTIC_WRITE)
                .chain(locked -> store(locked, invoice)))).await().atMost(DB_TIMEOUT);
    }

    private Uni<Void> store(Payment payment, GatewayInvoice invoice) {
        Instant now = Instant.now();
        if (Payment.PENDING_INVOICE.equals(payment.status)) {
            payment.status = Payment.AWAITING_PAYMENT;
            payment.invoiceId = invoice.id();
            payment.invoiceUrl = invoice.invoiceUrl();
            payment.expiresAt = invoice.expiryDate() == null ? now.plus(invoiceDuration) : invoice.expiryDate();
            payment.updatedAt = now;
            LOG.infof("Invoice %s for payment %s of participant %s", invoice.id(), payment.id, payment.participantId);
            return outbox.publish(payment.sessionId, PaymentInvoiceCreated.newBuilder()
                    .setSessionId(payment.sessionId.toString())
                    .setParticipantId(payment.participantId.toString())
                    .setPaymentId(payment.id.toString())
                    .setUserId(payment.userId.toString())
                    .setAmount(payment.amount)
                    .setInvoiceUrl(invoice.invoiceUrl())
                    .setExpiresAt(payment.expiresAt)
                    .setCreatedAt(now)
                    .build()).replaceWithVoid();
        }
        if (payment.invoiceId == null) {
            // the seat ended while the invoice was being opened: expire it at the gateway
            payment.invoiceId = invoice.id();
            payment.invoiceUrl = invoice.invoiceUrl();
            payment.expireRequested = true;
            payment.updatedAt = now;
        }
        return Uni.createFrom().voidItem();
    }

    void expireInvoice(Payment payment) {
        try {
            GatewayInvoice invoice = gateway.expireInvoice(payment.invoiceId);
            LOG.infof("Invoice %s of payment %s expired at the gateway (%s)", payment.invoiceId, payment.id, invoice.status());
        } catch (GatewayRejectedException e) {
            LOG.infof("Gateway refused to expire invoice %s of payment %s (already settled?): %s", payment.invoiceId,
                    payment.id, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Invoice %s not expired yet (will retry): %s", payment.invoiceId, e.toString());
            recordFailure(payment.id, e);
            return;
        }
        safeContext.run(() -> Panache.withTransaction(() -> Payment.<Payment>findById(payment.id, LockModeType.PESSIMISTIC_WRITE)
                .invoke(locked -> {
                    locked.expireRequested = false;
                    locked.updatedAt = Instant.now();
                }))).await().atMost(DB_TIMEOUT);
    }

    private void recordFailure(UUID paymentId, RuntimeException e) {
        safeContext.run(() -> Panache.withTransaction(() -> Payment.<Payment>findById(paymentId)
                .invoke(payment -> {
                    payment.gatewayAttempts++;
                    payment.lastGatewayError = String.valueOf(e.getMessage());
                }))).await().atMost(DB_TIMEOUT);
    }
}
