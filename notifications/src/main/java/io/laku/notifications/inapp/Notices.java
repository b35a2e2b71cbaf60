package io.laku.notifications.inapp;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReceivedUnits;
import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionEnd;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.SessionFailed;
import io.laku.contracts.settlement.PayoutCompleted;
import io.laku.contracts.settlement.PayoutFailed;
import io.laku.contracts.wallet.WalletCredited;
import io.laku.notifications.audience.SessionMembers;
import io.laku.notifications.audience.SessionMembers.Role;
import io.laku.notifications.whatsapp.WhatsAppOutbox;
import io.laku.platform.eventing.InboundEvent;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Writes the notices (and WhatsApp messages) each event deserves. Runs inside the consumer's transaction, with
 * its inbox row. Each notice names its fact ({@code payment:<id>}, {@code session:<id>}, ...): one person gets one
 * notice of a kind per fact, even when the fact is re-announced under a new event id. A person with several seats
 * gets one notice with their amounts summed.
 */
@ApplicationScoped
public class Notices {

    private static final Logger LOG = Logger.getLogger(Notices.class);
    /** PaymentExpired's reason when payment could not make the seat's invoice. */
    private static final String INVOICE_FAILED = "INVOICE_FAILED";

    private static final String INSERT = """
            insert into notification (id, user_id, kind, title, message, session_id, source_event_id, fact_key, created_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
            on conflict do nothing""";
    private static final String TO_MEMBERS = """
            insert into notification (id, user_id, kind, title, message, session_id, source_event_id, fact_key, created_at)
            select gen_random_uuid(), m.user_id, ?1, ?2, ?3, ?4, ?5, ?6, ?7
            from session_member m where m.session_id = ?4 and m.role = ?8
            on conflict do nothing""";

    @Inject
    SessionMembers members;

    @Inject
    WhatsAppOutbox whatsApp;

    public Uni<Void> sessionOpened(InboundEvent event, SessionCreated created) {
        UUID session = uuid(created.getSessionId());
        UUID factory = uuid(created.getFactoryId());
        String label = created.getSessionCode() == null ? created.getSessionId() : created.getSessionCode();
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> notify(event, factory, session, "session:" + session, Wording.sessionOpened(label,
                        created.getEndTime(), created.getTargetMoq(), created.getGroupPrice())));
    }

    /** No notice (the payment link follows with the invoice); remembers who is in the sessions, a run at a time. */
    public Uni<Void> participantsJoined(List<ParticipantJoined> joins) {
        Set<SessionMembers.Member> seen = new LinkedHashSet<>();
        for (ParticipantJoined joined : joins) {
            UUID session = uuid(joined.getSessionId());
            seen.add(new SessionMembers.Member(session, uuid(joined.getFactoryId()), Role.FACTORY));
            seen.add(new SessionMembers.Member(session, uuid(joined.getUserId()), Role.JOINED));
        }
        return members.addAll(List.copyOf(seen));
    }

    public Uni<Void> paymentLink(InboundEvent event, PaymentInvoiceCreated invoice) {
        return notify(event, uuid(invoice.getUserId()), uuid(invoice.getSessionId()), "payment:" + invoice.getPaymentId(),
                Wording.paymentLink(invoice.getAmount(), invoice.getInvoiceUrl(), invoice.getExpiresAt()));
    }

    /**
     * A seat's payment that ended unpaid. Only an invoice that could not be made is news to the customer (they never
     * had a link); an expired link or a seat that ended is told elsewhere or by the link's own deadline.
     */
    public Uni<Void> paymentExpired(InboundEvent event, PaymentExpired expired) {
        if (!INVOICE_FAILED.equals(expired.getReason())) {
            return Uni.createFrom().voidItem();
        }
        return notify(event, uuid(expired.getUserId()), uuid(expired.getSessionId()), "payment:" + expired.getPaymentId(),
                Wording.invoiceFailed());
    }

    public Uni<Void> paymentReceived(InboundEvent event, PaymentPaid paid) {
        return notify(event, uuid(paid.getUserId()), uuid(paid.getSessionId()), "payment:" + paid.getPaymentId(),
                Wording.paymentReceived(paid.getAmount()));
    }

    /** The factory hears the tier and the demand; each participant hears of their own seat (SeatSettled). */
    public Uni<Void> sessionConfirmed(InboundEvent event, SessionConfirmed confirmed) {
        UUID session = uuid(confirmed.getSessionId());
        UUID factory = uuid(confirmed.getFactoryId());
        List<Wording.VariantUnits> demand = confirmed.getDemand().stream()
                .map(d -> new Wording.VariantUnits(nameOr(d.getVariantName(), d.getVariantId()), d.getUnits())).toList();
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> notify(event, factory, session, "session:" + session, Wording.sessionConfirmedForFactory(
                        confirmed.getTier(), confirmed.getFinalUnitPrice(), confirmed.getPaidUnits(),
                        confirmed.getBotUnits(), demand)));
    }

    /**
     * One seat of a session's outcome: a confirmed participant learns the final price and the refund due; a seat
     * dropped unpaid from a confirmed session learns why. A refunded seat of a failed or cancelled session hears it
     * from the session's notice and the wallet's refund notice.
     */
    public Uni<Void> seatSettled(InboundEvent event, SeatSettled seat) {
        UUID session = uuid(seat.getSessionId());
        UUID user = uuid(seat.getUserId());
        String fact = "seat:" + seat.getParticipantId();
        return switch (seat.getOutcome()) {
            case CONFIRMED -> members.add(session, user, Role.PARTICIPANT)
                    .chain(() -> notify(event, user, session, fact, Wording.sessionConfirmed(
                            seat.getTier() == null ? 0 : seat.getTier(), seat.getPaidUnitPrice(), seat.getFinalUnitPrice(),
                            seat.getQuantity(), seat.getRefundDue())));
            case DROPPED -> seat.getSessionOutcome() == SessionEnd.CONFIRMED
                    ? notify(event, user, session, fact, Wording.seatDropped(seat.getQuantity()))
                    : Uni.createFrom().voidItem();
            case REFUNDED, OTHER -> Uni.createFrom().voidItem();
        };
    }

    /** Refunds only (wallet's reason {@code refund:<reason>}): tier refunds and full refunds reaching the wallet. */
    public Uni<Void> walletCredited(InboundEvent event, WalletCredited credited) {
        if (!Wording.isRefund(credited.getReason())) {
            return Uni.createFrom().voidItem();
        }
        UUID session = credited.getSessionId() == null ? null : uuid(credited.getSessionId());
        return notify(event, uuid(credited.getUserId()), session, "wallet:" + credited.getReference(),
                Wording.refundCredited(credited.getAmount(), credited.getBalanceAfter(), credited.getReason()));
    }

    public Uni<Void> payoutCompleted(InboundEvent event, PayoutCompleted paid) {
        return notify(event, uuid(paid.getPayeeUserId()), null, "payout:" + paid.getPayoutId(),
                Wording.payoutCompleted(paid.getAmount()));
    }

    public Uni<Void> payoutFailed(InboundEvent event, PayoutFailed failed) {
        return notify(event, uuid(failed.getPayeeUserId()), null, "payout:" + failed.getPayoutId(),
                Wording.payoutFailed(failed.getAmount(), failed.getFailureCode()));
    }

    /** SPEC §4: everyone who joined is told (also those who never paid); the factory with the refunds in all. */
    public Uni<Void> sessionFailed(InboundEvent event, SessionFailed failed) {
        UUID session = uuid(failed.getSessionId());
        UUID factory = uuid(failed.getFactoryId());
        String fact = "session:" + session;
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> toMembers(event, session, Role.JOINED, fact, Wording.sessionFailed()))
                .chain(() -> notify(event, factory, session, fact, Wording.sessionFailedForFactory(failed.getPaidUnits(),
                        failed.getPaidSeats(), failed.getRefundTotal())));
    }

    public Uni<Void> sessionCancelled(InboundEvent event, SessionCancelled cancelled) {
        UUID session = uuid(cancelled.getSessionId());
        UUID factory = uuid(cancelled.getFactoryId());
        String fact = "session:" + session;
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> toMembers(event, session, Role.JOINED, fact, Wording.sessionCancelled(cancelled.getReason())))
                .chain(() -> notify(event, factory, session, fact, Wording.sessionCancelledForFactory(
                        cancelled.getPaidSeats(), cancelled.getRefundTotal(), cancelled.getReason())));
    }

    /** The factory's notice and its WhatsApp message (SPEC §5 step 3). */
    public Uni<Void> purchaseOrderCreated(InboundEvent event, PurchaseOrderCreated order) {
        UUID session = uuid(order.getSessionId());
        UUID factory = uuid(order.getFactoryId());
        String fact = "purchase-order:" + order.getPurchaseOrderId();
        List<Wording.VariantUnits> ordered = order.getLines().stream()
                .map(l -> new Wording.VariantUnits(nameOr(l.getVariantName(), l.getVariantId()), l.getOrderedUnits()))
                .toList();
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> notify(event, factory, session, fact, Wording.purchaseOrder(order.getPoNumber(),
                        order.getProductName(), order.getBundles(), ordered)))
                .chain(() -> whatsApp.queue(event, factory, NotificationKind.PURCHASE_ORDER, fact,
                        Wording.purchaseOrderWhatsApp(order.getPoNumber(), order.getProductName(), order.getBundles(),
                                ordered)));
    }

    /** The event names no factory: the session's factory (from SessionCreated or the purchase order) is told. */
    public Uni<Void> purchaseOrderReceived(InboundEvent event, PurchaseOrderReceived received) {
        UUID session = uuid(received.getSessionId());
        long units = received.getLines().stream().mapToLong(ReceivedUnits::getUnits).sum();
        Notice notice = Wording.purchaseOrderReceived(received.getPoNumber(), units, received.getOutstandingUnits());
        // one notice per delivery (a purchase order may come in several)
        String fact = received.getReceiptId() == null ? "purchase-order:" + received.getPurchaseOrderId()
                : "purchase-order-receipt:" + received.getReceiptId();
        return toMembers(event, session, Role.FACTORY, fact, notice);
    }

    /** The customer's order of a confirmed session, with its number. */
    public Uni<Void> orderPlaced(InboundEvent event, OrderPlaced placed) {
        return notify(event, uuid(placed.getUserId()), uuid(placed.getSessionId()), "order:" + placed.getOrderId(),
                Wording.ordersCreated(List.of(new Wording.OrderLine(placed.getOrderNumber(), placed.getQuantity(),
                        placed.getFinalUnitPrice()))));
    }

    /** To the real participants of the confirmed session. */
    public Uni<Void> productionCompleted(InboundEvent event, ProductionCompleted completed) {
        UUID session = uuid(completed.getSessionId());
        return toMembers(event, session, Role.PARTICIPANT, "session:" + session,
                Wording.productionComplete(completed.getImpliedByStock()));
    }

    /** Payment also announces a release of nothing (everything was refunded): that is no news for the factory. */
    public Uni<Void> escrowReleased(InboundEvent event, EscrowReleased released) {
        UUID session = uuid(released.getSessionId());
        UUID factory = uuid(released.getFactoryId());
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> released.getAmount() <= 0 ? Uni.createFrom().voidItem()
                        : notify(event, factory, session, "session:" + session, Wording.escrowReleased(released.getAmount())));
    }

    /** One notice to every member of the session with the role, in one statement however many they are. */
    private Uni<Void> toMembers(InboundEvent event, UUID session, Role role, String fact, Notice notice) {
        return Panache.getSession().chain(s -> s.createNativeQuery(TO_MEMBERS)
                        .setParameter(1, notice.kind())
                        .setParameter(2, notice.title())
                        .setParameter(3, notice.message())
                        .setParameter(4, session)
                        .setParameter(5, event.id())
                        .setParameter(6, fact)
                        .setParameter(7, Instant.now())
                        .setParameter(8, role.name().toLowerCase())
                        .executeUpdate())
                .invoke(told -> {
                    if (told == 0) {
                        LOG.infof("%s: no %s of session %s told (none known, or all told before)", event, role, session);
                    }
                })
                .replaceWithVoid();
    }

    private Uni<Void> notify(InboundEvent event, UUID userId, UUID sessionId, String fact, Notice notice) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, userId)
                        .setParameter(3, notice.kind())
                        .setParameter(4, notice.title())
                        .setParameter(5, notice.message())
                        .setParameter(6, sessionId)
                        .setParameter(7, event.id())
                        .setParameter(8, fact)
                        .setParameter(9, Instant.now())
                        .executeUpdate())
                .invoke(inserted -> {
                    if (inserted == 0) {
                        LOG.infof("%s: %s for %s (%s) already given", event, notice.kind(), userId, fact);
                    }
                })
                .replaceWithVoid();
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    private static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
