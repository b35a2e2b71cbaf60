package io.laku.notifications.inapp;

import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReceivedUnits;
import io.laku.contracts.order.CreatedOrder;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.session.CancelledRefund;
import io.laku.contracts.session.ConfirmedParticipant;
import io.laku.contracts.session.FailedRefund;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.SessionFailed;
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
import java.util.List;
import java.util.Map;
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

    private static final String INSERT = """
            insert into notification (id, user_id, kind, title, message, session_id, source_event_id, fact_key, created_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)
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

    /** No notice (the payment link follows with the invoice); remembers who is in the session. */
    public Uni<Void> participantJoined(ParticipantJoined joined) {
        UUID session = uuid(joined.getSessionId());
        return members.add(session, uuid(joined.getFactoryId()), Role.FACTORY)
                .chain(() -> members.add(session, uuid(joined.getUserId()), Role.JOINED));
    }

    public Uni<Void> paymentLink(InboundEvent event, PaymentInvoiceCreated invoice) {
        return notify(event, uuid(invoice.getUserId()), uuid(invoice.getSessionId()), "payment:" + invoice.getPaymentId(),
                Wording.paymentLink(invoice.getAmount(), invoice.getInvoiceUrl(), invoice.getExpiresAt()));
    }

    public Uni<Void> paymentReceived(InboundEvent event, PaymentPaid paid) {
        return notify(event, uuid(paid.getUserId()), uuid(paid.getSessionId()), "payment:" + paid.getPaymentId(),
                Wording.paymentReceived(paid.getAmount()));
    }

    public Uni<Void> sessionConfirmed(InboundEvent event, SessionConfirmed confirmed) {
        UUID session = uuid(confirmed.getSessionId());
        UUID factory = uuid(confirmed.getFactoryId());
        String fact = "session:" + session;
        Map<UUID, long[]> byUser = new LinkedHashMap<>(); // quantity, refund due
        Map<UUID, Long> paidPrice = new LinkedHashMap<>();
        for (ConfirmedParticipant p : confirmed.getParticipants()) {
            long[] sums = byUser.computeIfAbsent(uuid(p.getUserId()), u -> new long[2]);
            sums[0] += p.getQuantity();
            sums[1] += p.getRefundDue();
            paidPrice.putIfAbsent(uuid(p.getUserId()), p.getPaidUnitPrice());
        }
        List<Wording.VariantUnits> demand = confirmed.getDemand().stream()
                .map(d -> new Wording.VariantUnits(nameOr(d.getVariantName(), d.getVariantId()), d.getUnits())).toList();
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> inOrder(List.copyOf(byUser.keySet()), user -> members.add(session, user, Role.PARTICIPANT)
                        .chain(() -> notify(event, user, session, fact, Wording.sessionConfirmed(confirmed.getTier(),
                                paidPrice.get(user), confirmed.getFinalUnitPrice(), byUser.get(user)[0],
                                byUser.get(user)[1])))))
                .chain(() -> notify(event, factory, session, fact, Wording.sessionConfirmedForFactory(confirmed.getTier(),
                        confirmed.getFinalUnitPrice(), confirmed.getPaidUnits(), confirmed.getBotUnits(), demand)));
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

    public Uni<Void> sessionFailed(InboundEvent event, SessionFailed failed) {
        UUID session = uuid(failed.getSessionId());
        UUID factory = uuid(failed.getFactoryId());
        Map<UUID, Long> refunds = sumByUser(failed.getRefunds(), FailedRefund::getUserId, FailedRefund::getAmount);
        long total = refunds.values().stream().mapToLong(Long::longValue).sum();
        String fact = "session:" + session;
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> inOrder(List.copyOf(refunds.keySet()), user -> notify(event, user, session, fact,
                        Wording.sessionFailed(refunds.get(user)))))
                .chain(() -> everyoneElseWhoJoined(session, refunds.keySet(), user -> notify(event, user, session, fact,
                        Wording.sessionFailedNothingHeld())))
                .chain(() -> notify(event, factory, session, fact, Wording.sessionFailedForFactory(failed.getPaidUnits(),
                        failed.getRefunds().size(), total)));
    }

    public Uni<Void> sessionCancelled(InboundEvent event, SessionCancelled cancelled) {
        UUID session = uuid(cancelled.getSessionId());
        UUID factory = uuid(cancelled.getFactoryId());
        Map<UUID, Long> refunds = sumByUser(cancelled.getRefunds(), CancelledRefund::getUserId, CancelledRefund::getAmount);
        long total = refunds.values().stream().mapToLong(Long::longValue).sum();
        String fact = "session:" + session;
        return members.add(session, factory, Role.FACTORY)
                .chain(() -> inOrder(List.copyOf(refunds.keySet()), user -> notify(event, user, session, fact,
                        Wording.sessionCancelled(refunds.get(user), cancelled.getReason()))))
                .chain(() -> everyoneElseWhoJoined(session, refunds.keySet(), user -> notify(event, user, session, fact,
                        Wording.sessionCancelledNothingHeld(cancelled.getReason()))))
                .chain(() -> notify(event, factory, session, fact, Wording.sessionCancelledForFactory(
                        cancelled.getRefunds().size(), total, cancelled.getReason())));
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
        Notice notice = Wording.purchaseOrderReceived(received.getPoNumber(), received.getBundles(), units);
        return toMembers(event, session, Role.FACTORY, "purchase-order:" + received.getPurchaseOrderId(), notice);
    }

    public Uni<Void> ordersCreated(InboundEvent event, OrdersCreated created) {
        UUID session = uuid(created.getSessionId());
        Map<UUID, List<Wording.OrderLine>> byUser = new LinkedHashMap<>();
        for (CreatedOrder order : created.getOrders()) {
            byUser.computeIfAbsent(uuid(order.getUserId()), u -> new ArrayList<>()).add(new Wording.OrderLine(
                    order.getOrderNumber(), order.getQuantity(), order.getFinalUnitPrice()));
        }
        return inOrder(List.copyOf(byUser.keySet()), user -> notify(event, user, session, "orders:" + session,
                Wording.ordersCreated(byUser.get(user))));
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

    private Uni<Void> toMembers(InboundEvent event, UUID session, Role role, String fact, Notice notice) {
        return members.withRole(session, role).chain(users -> {
            if (users.isEmpty()) {
                LOG.warnf("%s: no %s of session %s known; nobody to tell", event, role, session);
            }
            return inOrder(users, user -> notify(event, user, session, fact, notice));
        });
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

    /** One after the other: a reactive session runs one statement at a time. */
    /** SPEC §4: when a session fails or is cancelled everyone is told, also those who joined without a paid seat. */
    private Uni<Void> everyoneElseWhoJoined(UUID session, java.util.Set<UUID> refunded, Function<UUID, Uni<Void>> tell) {
        return members.withRole(session, Role.JOINED)
                .chain(joined -> inOrder(joined.stream().filter(user -> !refunded.contains(user)).toList(), tell));
    }


    private static <T> Map<UUID, Long> sumByUser(List<T> refunds, Function<T, String> user, Function<T, Long> amount) {
        Map<UUID, Long> sums = new LinkedHashMap<>();
        refunds.forEach(r -> sums.merge(uuid(user.apply(r)), amount.apply(r), Long::sum));
        return sums;
    }

    private static String nameOr(String name, String fallback) {
        return name == null || name.isBlank() ? fallback : name;
    }

    private static UUID uuid(String value) {
        return UUID.fromString(value);
    }
}
