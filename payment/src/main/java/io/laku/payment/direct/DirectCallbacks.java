package io.laku.payment.direct;

import io.laku.contracts.payment.DirectPaymentExpired;
import io.laku.contracts.payment.DirectPaymentPaid;
import io.laku.contracts.payment.DirectRefundReason;
import io.laku.payment.callbacks.CallbackDecision;
import io.laku.payment.callbacks.Callbacks;
import io.laku.payment.callbacks.WebhookEvents;
import io.laku.payment.callbacks.XenditCallback;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * A verified gateway callback whose external id is a direct payment, applied once: the payment locked, the callback
 * recorded in webhook_event under its identity (invoice id + status), and the same {@link CallbackDecision} as the
 * escrow's applied with its ledger entries and events, in one transaction.
 */
@ApplicationScoped
public class DirectCallbacks {

    private static final Logger LOG = Logger.getLogger(DirectCallbacks.class);

    @Inject
    WebhookEvents webhookEvents;

    @Inject
    DirectPayments payments;

    @Inject
    OutboxWriter outbox;

    /** Whether the callback's external id is a direct payment's (else it is an escrow payment's). */
    public Uni<Boolean> owns(XenditCallback callback) {
        UUID id = paymentId(callback);
        return id == null ? Uni.createFrom().item(false)
                : Panache.withSession(() -> DirectPayment.count("id", id)).map(n -> n > 0);
    }

    public Uni<Callbacks.Outcome> apply(XenditCallback callback, String body) {
        UUID paymentId = paymentId(callback);
        return Panache.withTransaction(() -> DirectPayment.<DirectPayment>findById(paymentId, LockModeType.PESSIMISTIC_WRITE)
                .chain(payment -> {
                    if (payment == null || payment.invoiceId != null && !payment.invoiceId.equals(callback.id())) {
                        return Uni.createFrom().failure(ProblemException.notFound("Invoice", callback.id()));
                    }
                    return decideAndApply(payment, callback, body);
                }));
    }

    private Uni<Callbacks.Outcome> decideAndApply(DirectPayment payment, XenditCallback callback, String body) {
        long paid = WebhookEvents.paidAmount(callback);
        CallbackDecision decision = CallbackDecision.decide(payment.callbackStatus(), true, callback.status(),
                payment.amount, paid);
        String outcome = decision.outcome();
        return webhookEvents.recordOnce(payment.id, callback, decision, body)
                .chain(recorded -> {
                    String key = recorded.key();
                    if (!recorded.first()) {
                        LOG.infof("Callback %s already processed; nothing changes", key);
                        return Uni.createFrom().item(new Callbacks.Outcome("duplicate", payment.id, payment.status));
                    }
                    if (payment.invoiceId == null) {
                        payment.invoiceId = callback.id(); // the callback outran the invoice worker's store
                    }
                    LOG.infof("Callback %s on direct payment %s of store order %s (%s): %s", key, payment.id,
                            payment.orderId, payment.status, outcome);
                    return effect(decision, payment).map(ignored -> new Callbacks.Outcome(outcome, payment.id, payment.status));
                });
    }

    private Uni<Void> effect(CallbackDecision decision, DirectPayment payment) {
        Instant now = Instant.now();
        return switch (decision) {
            case PAY -> payments.takeIn(payment).chain(() -> {
                payment.status = DirectPayment.PAID;
                payment.paidAt = now;
                payment.updatedAt = now;
                return outbox.publish(payment.orderId, DirectPaymentPaid.newBuilder()
                        .setOrderId(payment.orderId.toString())
                        .setPaymentId(payment.id.toString())
                        .setCustomerId(payment.customerId.toString())
                        .setAmount(payment.amount)
                        .setPaidAt(now)
                        .build()).replaceWithVoid();
            });
            case LATE_PAYMENT_REFUND -> payments.takeIn(payment).chain(() -> {
                payment.status = DirectPayment.LATE_PAID;
                payment.paidAt = now;
                payment.expireRequested = false;
                payment.updatedAt = now;
                return payments.refund(payment, DirectRefundReason.LATE_PAYMENT);
            });
            case EXPIRE -> {
                payment.status = DirectPayment.EXPIRED;
                payment.updatedAt = now;
                yield outbox.publish(payment.orderId, DirectPaymentExpired.newBuilder()
                        .setOrderId(payment.orderId.toString())
                        .setPaymentId(payment.id.toString())
                        .setCustomerId(payment.customerId.toString())
                        .setExpiredAt(now)
                        .build()).replaceWithVoid();
            }
            case IGNORE, AMOUNT_MISMATCH -> Uni.createFrom().voidItem();
        };
    }

    private static UUID paymentId(XenditCallback callback) {
        try {
            return UUID.fromString(callback.externalId());
        } catch (RuntimeException e) {
            return null;
        }
    }
}
