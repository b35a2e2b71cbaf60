package io.laku.payment.direct;

import io.laku.contracts.payment.DirectPaymentCreated;
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
import java.util.function.Consumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Opens the gateway invoice of each new direct payment and closes those of cancelled orders, outside any database
 * transaction (the gateway is idempotent on external_id = the payment id, so a call repeated after a crash gets the same
 * invoice back). The invoice is payable for {@code laku.payment.direct.payment-duration} (SPEC §8: 24 h); the gateway
 * then expires it and its EXPIRED callback cancels the order.
 */
@ApplicationScoped
public class DirectInvoiceWorker {

    private static final Logger LOG = Logger.getLogger(DirectInvoiceWorker.class);
    private static final int BATCH = 50;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);

    @Inject
    PaymentGateway gateway;

    @Inject
    SafeContext safeContext;

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "laku.payment.direct.payment-duration")
    Duration paymentDuration;

    @Scheduled(every = "${laku.payment.worker-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        due("status = ?1 order by createdAt, id", DirectPayment.PENDING_INVOICE).forEach(this::open);
        due("expireRequested = true and invoiceId is not null order by updatedAt, id").forEach(this::close);
    }

    private List<DirectPayment> due(String query, Object... params) {
        return safeContext.run(() -> Panache.withSession(() -> DirectPayment.<DirectPayment>find(query, params)
                .page(0, BATCH).list())).await().atMost(DB_TIMEOUT);
    }

    void open(DirectPayment payment) {
        GatewayInvoice invoice;
        try {
            invoice = gateway.createInvoice(payment.id.toString(), payment.amount, "Laku store order " + payment.orderId,
                    paymentDuration);
        } catch (RuntimeException e) {
            LOG.warnf("Invoice for direct payment %s not created yet (will retry): %s", payment.id, e.toString());
            update(payment.id, p -> {
                p.gatewayAttempts++;
                p.lastGatewayError = String.valueOf(e.getMessage());
            });
            return;
        }
        safeContext.run(() -> Panache.withTransaction(() -> DirectPayment.<DirectPayment>findById(payment.id,
                LockModeType.PESSIMISTIC_WRITE).chain(locked -> store(locked, invoice)))).await().atMost(DB_TIMEOUT);
    }

    private Uni<Void> store(DirectPayment payment, GatewayInvoice invoice) {
        Instant now = Instant.now();
        if (!DirectPayment.PENDING_INVOICE.equals(payment.status)) {
            if (payment.invoiceId == null) {
                // the order was cancelled while the invoice was being opened: close it at the gateway
                payment.invoiceId = invoice.id();
                payment.invoiceUrl = invoice.invoiceUrl();
                payment.expireRequested = true;
                payment.updatedAt = now;
            }
            return Uni.createFrom().voidItem();
        }
        payment.status = DirectPayment.AWAITING_PAYMENT;
        payment.invoiceId = invoice.id();
        payment.invoiceUrl = invoice.invoiceUrl();
        payment.expiresAt = invoice.expiryDate() == null ? now.plus(paymentDuration) : invoice.expiryDate();
        payment.updatedAt = now;
        LOG.infof("Invoice %s for store order %s (%d, payable until %s)", invoice.id(), payment.orderId, payment.amount,
                payment.expiresAt);
        return outbox.publish(payment.orderId, DirectPaymentCreated.newBuilder()
                .setOrderId(payment.orderId.toString())
                .setPaymentId(payment.id.toString())
                .setCustomerId(payment.customerId.toString())
                .setAmount(payment.amount)
                .setPaymentUrl(invoice.invoiceUrl())
                .setExpiresAt(payment.expiresAt)
                .setCreatedAt(now)
                .build()).replaceWithVoid();
    }

    void close(DirectPayment payment) {
        try {
            gateway.expireInvoice(payment.invoiceId);
            LOG.infof("Invoice %s of cancelled store order %s expired at the gateway", payment.invoiceId, payment.orderId);
        } catch (GatewayRejectedException e) {
            LOG.infof("Gateway refused to expire invoice %s of store order %s (paid meanwhile?): %s", payment.invoiceId,
                    payment.orderId, e.getMessage());
        } catch (RuntimeException e) {
            LOG.warnf("Invoice %s not expired yet (will retry): %s", payment.invoiceId, e.toString());
            update(payment.id, p -> {
                p.gatewayAttempts++;
                p.lastGatewayError = String.valueOf(e.getMessage());
            });
            return;
        }
        update(payment.id, p -> {
            p.expireRequested = false;
            p.updatedAt = Instant.now();
        });
    }

    private void update(UUID paymentId, Consumer<DirectPayment> change) {
        safeContext.run(() -> Panache.withTransaction(() -> DirectPayment.<DirectPayment>findById(paymentId,
                LockModeType.PESSIMISTIC_WRITE).invoke(change))).await().atMost(DB_TIMEOUT);
    }
}
