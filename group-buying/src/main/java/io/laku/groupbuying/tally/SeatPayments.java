package io.laku.groupbuying.tally;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.groupbuying.join.Participant;
import io.laku.groupbuying.join.SessionLocks;
import io.laku.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * What payment events do to seats and the tally. Runs inside the consumer's transaction (with its inbox row). Each
 * takes the session lock first, like joins and expiry, and moves units only from the status it expects: a late or
 * repeated event (for a seat already left, expired or dropped at expiry) changes nothing.
 */
@ApplicationScoped
public class SeatPayments {

    private static final Logger LOG = Logger.getLogger(SeatPayments.class);

    public Uni<Void> invoiceCreated(PaymentInvoiceCreated invoice) {
        return Participant.update("paymentUrl = ?1, paymentId = ?2 where id = ?3", invoice.getInvoiceUrl(),
                        UUID.fromString(invoice.getPaymentId()), UUID.fromString(invoice.getParticipantId()))
                .invoke(updated -> {
                    if (updated == 0) {
                        LOG.warnf("Invoice for unknown participant %s", invoice.getParticipantId());
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> paid(PaymentPaid paid) {
        return seat(paid.getSessionId(), paid.getParticipantId()).chain(p -> {
            if (p == null || !Participant.AWAITING_PAYMENT.equals(p.status)) {
                LOG.warnf("PaymentPaid for participant %s in status %s: seat unchanged", paid.getParticipantId(),
                        p == null ? "unknown" : p.status);
                return Uni.createFrom().voidItem();
            }
            p.status = Participant.PAID;
            p.paymentId = UUID.fromString(paid.getPaymentId());
            p.updatedAt = Instant.now();
            return Tally.add(p.sessionId, p.variantId, -p.quantity, p.quantity);
        });
    }

    public Uni<Void> expired(PaymentExpired expired) {
        return seat(expired.getSessionId(), expired.getParticipantId()).chain(p -> {
            if (p == null || !Participant.AWAITING_PAYMENT.equals(p.status)) {
                LOG.infof("PaymentExpired for participant %s in status %s: seat unchanged", expired.getParticipantId(),
                        p == null ? "unknown" : p.status);
                return Uni.createFrom().voidItem();
            }
            p.status = Participant.EXPIRED;
            p.updatedAt = Instant.now();
            return Tally.add(p.sessionId, p.variantId, -p.quantity, 0);
        });
    }

    /** Locks the session, then reads the seat; null when either is unknown. */
    private static Uni<Participant> seat(String sessionId, String participantId) {
        UUID session = UUID.fromString(sessionId);
        return SessionLocks.lock(session)
                .onFailure(ProblemException.class).recoverWithNull()
                .chain(s -> s == null ? Uni.createFrom().nullItem()
                        : Participant.<Participant>findById(UUID.fromString(participantId))
                                .map(p -> p != null && p.sessionId.equals(session) ? p : null));
    }
}
