package io.laku.groupbuying.tally;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.groupbuying.join.Participant;
import io.laku.groupbuying.join.PaymentLinks;
import io.laku.groupbuying.join.SessionLocks;
import io.laku.groupbuying.seat.SeatEvent;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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

    @Inject
    PaymentLinks links;

    /** Stores the seat's link; a join still waiting for it (in this instance) answers with it. */
    public Uni<Void> invoiceCreated(PaymentInvoiceCreated invoice) {
        UUID participant = UUID.fromString(invoice.getParticipantId());
        return Participant.update("paymentUrl = ?1, paymentId = ?2 where id = ?3", invoice.getInvoiceUrl(),
                        UUID.fromString(invoice.getPaymentId()), participant)
                .invoke(updated -> {
                    if (updated == 0) {
                        LOG.warnf("Invoice for unknown participant %s", invoice.getParticipantId());
                    } else {
                        links.stored(participant, invoice.getInvoiceUrl());
                    }
                })
                .replaceWithVoid();
    }

    public Uni<Void> paid(PaymentPaid paid) {
        return seat(paid.getSessionId(), paid.getParticipantId()).chain(p -> p == null ? unknownSeat(paid.getParticipantId())
                : p.apply(SeatEvent.PAYMENT_PAID, Instant.now()).invoke(before -> {
                    if (before.isPresent()) {
                        p.paymentId = UUID.fromString(paid.getPaymentId());
                    } else {
                        LOG.warnf("PaymentPaid for participant %s, %s: seat unchanged (payment refunds money of a seat "
                                + "outside the outcome)", paid.getParticipantId(), p.status.code());
                    }
                }).replaceWithVoid());
    }

    public Uni<Void> expired(PaymentExpired expired) {
        return seat(expired.getSessionId(), expired.getParticipantId()).chain(p -> p == null
                ? unknownSeat(expired.getParticipantId())
                : p.apply(SeatEvent.PAYMENT_EXPIRED, Instant.now()).invoke(before -> {
                    if (before.isEmpty()) {
                        LOG.infof("PaymentExpired for participant %s, %s: seat unchanged", expired.getParticipantId(),
                                p.status.code());
                    }
                }).replaceWithVoid());
    }

    private static Uni<Void> unknownSeat(String participantId) {
        LOG.warnf("Payment event for unknown participant %s ignored", participantId);
        return Uni.createFrom().voidItem();
    }

    /** Locks the session, then reads the seat; null when either is unknown. */
    private static Uni<Participant> seat(String sessionId, String participantId) {
        UUID session = UUID.fromString(sessionId);
        return SessionLocks.lockIfExists(session)
                .chain(s -> s == null ? Uni.createFrom().nullItem()
                        : Participant.<Participant>findById(UUID.fromString(participantId))
                                .map(p -> p != null && p.sessionId.equals(session) ? p : null));
    }
}
