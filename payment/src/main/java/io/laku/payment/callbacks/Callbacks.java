package io.laku.payment.callbacks;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.payment.RefundReason;
import io.laku.payment.escrow.Escrow;
import io.laku.payment.escrow.Invoices;
import io.laku.payment.gateway.GatewayInvoice;
import io.laku.payment.gateway.PaymentGateway;
import io.laku.payment.escrow.Payment;
import io.laku.payment.escrow.SessionAccount;
import io.laku.payment.ledger.Accounts;
import io.laku.payment.ledger.Ledger;
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
 * Applies a verified gateway callback once: the payment row is locked, the callback recorded in
 * webhook_event under its identity (invoice id + status; a repeat finds it and changes nothing),
 * and the {@link CallbackDecision} applied with its ledger entries and events, all in one transaction.
 */
@ApplicationScoped
public class Callbacks {

    private static final Logger LOG = Logger.getLogger(Callbacks.class);


    public record Outcome(String result, UUID paymentId, String paymentStatus) {
    }

    @Inject
    WebhookEvents webhookEvents;

    @Inject
    Escrow escrow;

    @Inject
    Ledger ledger;

    @Inject
    OutboxWriter outbox;

    @Inject
    Invoices invoices;

    @Inject
    PaymentGateway gateway;

    public Uni<Outcome> apply(XenditCallback callback, String body) {
        UUID paymentId = paymentIdOf(callback);
        // The session's account first, then the payment: the same order as the outcome's seat by seat, so a payment
        // at the deadline either counts in the outcome or comes after it as a late payment, never in between.
        // (The session id is read without loading the payment: the payment is loaded once, with its lock, fresh.)
        return invoiceNotStoredYet(paymentId, callback).chain(invoice -> Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.<UUID>createNativeQuery("select session_id from payment where id = ?1")
                        .setParameter(1, paymentId).getResultList())
                .chain(found -> found.isEmpty() ? Uni.createFrom().failure(ProblemException.notFound("Invoice", callback.id()))
                        : Escrow.lockAccount(found.getFirst(), null).chain(session -> Payment.<Payment>findById(paymentId,
                                LockModeType.PESSIMISTIC_WRITE).chain(payment -> {
                                    if (payment.invoiceId != null && !payment.invoiceId.equals(callback.id())) {
                                        return Uni.createFrom().failure(ProblemException.notFound("Invoice", callback.id()));
                                    }
                                    return decideAndApply(payment, session, callback, body, invoice);
                                })))));
    }

    /**
     * A paid callback may outrun the invoice worker (the gateway made the invoice, the worker has not stored its answer
     * yet). Then the invoice is read from the gateway first, outside any transaction, so that the link is stored and
     * announced ({@code PaymentInvoiceCreated}) before the payment ({@code PaymentPaid}). Null when the row has its
     * invoice, or the gateway cannot say now: then the worker stores and announces it when its own call returns.
     */
    private Uni<GatewayInvoice> invoiceNotStoredYet(UUID paymentId, XenditCallback callback) {
        if (!CallbackDecision.PAID.equals(callback.status()) && !CallbackDecision.SETTLED.equals(callback.status())) {
            return Uni.createFrom().nullItem();
        }
        return Panache.withSession(() -> Panache.getSession().chain(s -> s.<Long>createNativeQuery(
                        "select count(*) from payment where id = ?1 and invoice_url is null")
                        .setParameter(1, paymentId).getSingleResult()))
                .chain(missing -> missing == 0 ? Uni.createFrom().<GatewayInvoice>nullItem()
                        : gateway.find(callback.id())
                                .invoke(invoice -> LOG.infof("Callback %s %s came before payment %s stored its invoice; "
                                        + "the invoice is stored now", callback.id(), callback.status(), paymentId))
                                .onFailure().recoverWithItem(failure -> {
                                    LOG.warnf("Invoice %s not readable from the gateway now (%s); the invoice worker "
                                            + "stores it", callback.id(), failure.toString());
                                    return null;
                                }));
    }

    private Uni<Outcome> decideAndApply(Payment payment, SessionAccount session, XenditCallback callback, String body,
            GatewayInvoice invoice) {
        long paid = WebhookEvents.paidAmount(callback);
        // the seat ended (left, dropped at the outcome) while its invoice was still open: money reaching it is late
        boolean takesPayments = (session == null || session.takesPayments()) && payment.seatEndedAt == null;
        CallbackDecision decision = CallbackDecision.decide(payment.status, takesPayments, callback.status(),
                payment.amount, paid);
        String outcome = decision.outcome();
        return webhookEvents.recordOnce(payment.id, callback, decision, body)
                .chain(recorded -> {
                    String key = recorded.key();
                    if (!recorded.first()) {
                        LOG.infof("Callback %s already processed; nothing changes", key);
                        return Uni.createFrom().item(new Outcome("duplicate", payment.id, payment.status));
                    }
                    LOG.infof("Callback %s on payment %s (%s): %s", key, payment.id, payment.status, outcome);
                    Uni<Void> stored = invoice != null && invoice.id().equals(callback.id())
                            ? invoices.store(payment, invoice) : Uni.createFrom().voidItem();
                    return stored.chain(() -> {
                        if (payment.invoiceId == null) {
                            payment.invoiceId = callback.id(); // the worker stores the rest when its call returns
                        }
                        return effect(decision, payment, paid);
                    }).map(ignored -> new Outcome(outcome, payment.id, payment.status));
                });
    }

    private Uni<Void> effect(CallbackDecision decision, Payment payment, long paid) {
        Instant now = Instant.now();
        return switch (decision) {
            case PAY -> escrowIn(payment).chain(() -> {
                payment.status = Payment.PAID;
                payment.paidAt = now;
                payment.expireRequested = false;
                payment.updatedAt = now;
                return outbox.publish(payment.sessionId, PaymentPaid.newBuilder()
                        .setSessionId(payment.sessionId.toString())
                        .setParticipantId(payment.participantId.toString())
                        .setPaymentId(payment.id.toString())
                        .setUserId(payment.userId.toString())
                        .setAmount(payment.amount)
                        .setPaidAt(now)
                        .build()).replaceWithVoid();
            });
            case LATE_PAYMENT_REFUND -> escrowIn(payment).chain(() -> {
                payment.status = Payment.LATE_PAID;
                payment.paidAt = now;
                payment.expireRequested = false;
                payment.updatedAt = now;
                return escrow.refund(payment, payment.amount, RefundReason.LATE_PAYMENT);
            });
            case EXPIRE -> {
                payment.status = Payment.EXPIRED;
                payment.expireRequested = false;
                payment.updatedAt = now;
                yield outbox.publish(payment.sessionId, PaymentExpired.newBuilder()
                        .setSessionId(payment.sessionId.toString())
                        .setParticipantId(payment.participantId.toString())
                        .setPaymentId(payment.id.toString())
                        .setUserId(payment.userId.toString())
                        .setReason("EXPIRED")
                        .setExpiredAt(now)
                        .build()).replaceWithVoid();
            }
            case AMOUNT_MISMATCH -> {
                // the money cannot pay the seat: all of it back to the wallet, and the seat stays as it was
                LOG.warnf("Payment %s: paid %d, the invoice is %d: refunded in full, the seat stays unpaid", payment.id,
                        paid, payment.amount);
                yield escrow.refundCapture(payment, paid, RefundReason.AMOUNT_MISMATCH);
            }
            case IGNORE -> Uni.createFrom().voidItem();
        };
    }

    private Uni<Void> escrowIn(Payment payment) {
        return ledger.post("escrow-in:" + payment.id, Accounts.GATEWAY_CLEARING, Accounts.escrow(payment.sessionId),
                payment.amount, Ledger.ESCROW_IN, payment.sessionId, payment.id).replaceWithVoid();
    }

    private static UUID paymentIdOf(XenditCallback callback) {
        try {
            return UUID.fromString(callback.externalId());
        } catch (RuntimeException e) {
            throw ProblemException.notFound("Invoice", callback.id());
        }
    }
}
