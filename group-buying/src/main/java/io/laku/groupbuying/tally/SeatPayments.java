package io.laku.groupbuying.tally;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.groupbuying.join.Participant;
import io.laku.groupbuying.join.PaymentLinks;
import io.laku.groupbuying.join.SessionLocks;
import io.laku.groupbuying.seat.SeatEvent;
import io.laku.platform.sql.MultiRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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

    /**
     * Stores the seats' links, a run of PaymentInvoiceCreated at a time (one statement per chunk); a join still
     * waiting for its link (in this instance) answers with it.
     */
    public Uni<Void> invoicesCreated(List<PaymentInvoiceCreated> invoices) {
        Map<UUID, String> urls = new HashMap<>();
        invoices.forEach(invoice -> urls.put(UUID.fromString(invoice.getParticipantId()), invoice.getInvoiceUrl()));
        return Panache.getSession().chain(session -> {
            Uni<List<UUID>> chain = Uni.createFrom().item(new ArrayList<>());
            for (List<PaymentInvoiceCreated> chunk : MultiRow.chunks(invoices)) {
                chain = chain.call(stored -> {
                    StringBuilder rows = new StringBuilder();
                    for (int i = 0, p = 1; i < chunk.size(); i++, p += 3) {
                        rows.append(i == 0 ? "" : ", ").append("(cast(?").append(p).append(" as uuid), cast(?")
                                .append(p + 1).append(" as text), cast(?").append(p + 2).append(" as uuid))");
                    }
                    var update = session.<UUID>createNativeQuery("update participant s set payment_url = v.url, payment_id = "
                            + "v.payment from (values " + rows + ") v(id, url, payment) where s.id = v.id returning s.id");
                    int p = 1;
                    for (PaymentInvoiceCreated invoice : chunk) {
                        update.setParameter(p++, UUID.fromString(invoice.getParticipantId()))
                                .setParameter(p++, invoice.getInvoiceUrl())
                                .setParameter(p++, UUID.fromString(invoice.getPaymentId()));
                    }
                    return update.getResultList().invoke(stored::addAll);
                });
            }
            return chain;
        }).invoke(stored -> {
            stored.forEach(participant -> links.stored(participant, urls.get(participant)));
            if (stored.size() < urls.size()) {
                urls.keySet().stream().filter(participant -> !stored.contains(participant))
                        .forEach(participant -> LOG.warnf("Invoice for unknown participant %s", participant));
            }
        }).replaceWithVoid();
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
