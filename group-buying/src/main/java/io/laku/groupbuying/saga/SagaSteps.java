package io.laku.groupbuying.saga;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReservedUnits;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.payment.RefundReason;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.groupbuying.join.SessionLocks;
import io.laku.groupbuying.session.Session;
import io.laku.groupbuying.session.SessionStatus;
import io.laku.platform.eventing.InboundEvent;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.money.Rupiah;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * The session after its outcome follows the saga (SPEC §5): purchase order -> pending_stock, stock reserved ->
 * moq_reached, orders created + production done -> escrow released -> success. Each step is recorded once in the
 * session's timeline. A step that would go backwards (a late event after success) only records its timeline entry.
 * When the stock was on hand, production is implied once the orders exist, and group-buying says so itself.
 */
@ApplicationScoped
public class SagaSteps {

    private static final Logger LOG = Logger.getLogger(SagaSteps.class);
    private static final Set<RefundReason> OUTCOME_REFUNDS =
            EnumSet.of(RefundReason.TIER, RefundReason.SESSION_FAILED, RefundReason.SESSION_CANCELLED);

    @Inject
    OutboxWriter outbox;

    Clock clock = Clock.systemUTC();

    public Uni<Void> stockReserved(InboundEvent event, StockReserved reserved) {
        long units = reserved.getReservations().stream().mapToLong(ReservedUnits::getUnits).sum();
        return onSession(reserved.getSessionId(), "stock_reserved", session -> {
            advance(session, SessionStatus.MOQ_REACHED, SessionStatus.CONFIRMED, SessionStatus.PENDING_STOCK);
            if (session.stockFromHand == null) {
                session.stockFromHand = reserved.getFromStockOnHand();
            }
            String outcome = reserved.getFromStockOnHand()
                    ? units + " units reserved from stock on hand"
                    : units + " units reserved from purchase order " + orEmpty(session.poNumber);
            return SessionTimeline.record(session.id, "stock_reserved", outcome, event.id(), reserved.getReservedAt())
                    .chain(() -> productionIfImplied(session));
        });
    }

    public Uni<Void> purchaseOrderCreated(InboundEvent event, PurchaseOrderCreated po) {
        return onSession(po.getSessionId(), "purchase_order_created", session -> {
            advance(session, SessionStatus.PENDING_STOCK, SessionStatus.CONFIRMED);
            session.stockFromHand = false;
            session.purchaseOrderId = UUID.fromString(po.getPurchaseOrderId());
            session.poNumber = po.getPoNumber();
            session.bundlesOrdered = po.getBundles();
            String lines = po.getLines().stream()
                    .map(l -> (l.getVariantName().isEmpty() ? l.getVariantId() : l.getVariantName()) + " "
                            + l.getOrderedUnits())
                    .collect(Collectors.joining(", "));
            String outcome = po.getPoNumber() + ": " + po.getBundles() + " bundles ordered from the factory (" + lines
                    + " units)";
            return SessionTimeline.record(session.id, "purchase_order_created", outcome, event.id(), po.getCreatedAt());
        });
    }

    /** A delivery counted by the warehouse: a timeline entry per delivery (a purchase order may come in several). */
    public Uni<Void> purchaseOrderReceived(InboundEvent event, PurchaseOrderReceived received) {
        long units = received.getLines().stream().mapToLong(l -> l.getUnits()).sum();
        String outcome = received.getPoNumber() + ": " + units + " units delivered into the warehouse"
                + (received.getOutstandingUnits() > 0 ? ", " + received.getOutstandingUnits() + " still owed" : "");
        String ref = received.getReceiptId() == null ? "" : received.getReceiptId();
        return onSession(received.getSessionId(), "purchase_order_received", session -> SessionTimeline.record(
                session.id, "purchase_order_received", ref, 0, outcome, event.id(), received.getReceivedAt()));
    }

    public Uni<Void> ordersCreated(InboundEvent event, OrdersCreated orders) {
        return onSession(orders.getSessionId(), "orders_created", session -> {
            if (session.ordersCreated == null) {
                session.ordersCreated = orders.getOrderCount();
            }
            return SessionTimeline.record(session.id, "orders_created", orders.getOrderCount()
                            + " orders created, one per participant", event.id(), orders.getCreatedAt())
                    .chain(() -> productionIfImplied(session));
        });
    }

    public Uni<Void> refundIssued(InboundEvent event, RefundIssued refund) {
        if (!OUTCOME_REFUNDS.contains(refund.getReason())) {
            return Uni.createFrom().voidItem(); // a seat's own refund while forming, not a step of the outcome
        }
        return onSession(refund.getSessionId(), Timeline.REFUND_ISSUED, session -> SessionTimeline.record(session.id,
                Timeline.REFUND_ISSUED, refund.getRefundId(), refund.getAmount(),
                Rupiah.format(refund.getAmount()) + " to the wallet of " + refund.getUserId() + " ("
                        + refund.getReason().name().toLowerCase() + ")", event.id(), refund.getIssuedAt()));
    }

    public Uni<Void> escrowReleased(InboundEvent event, EscrowReleased released) {
        return onSession(released.getSessionId(), "escrow_released", session -> {
            advance(session, SessionStatus.SUCCESS, SessionStatus.CONFIRMED, SessionStatus.MOQ_REACHED,
                    SessionStatus.PENDING_STOCK);
            String outcome = Rupiah.format(released.getAmount()) + " released to the factory (paid in "
                    + Rupiah.format(released.getPaidIn()) + ", refunded " + Rupiah.format(released.getRefunded()) + ")";
            return SessionTimeline.record(session.id, "escrow_released", outcome, event.id(), released.getReleasedAt());
        });
    }

    /**
     * The factory says its goods for the session are made (REST), whenever the session is confirmed: recorded once
     * (a repeat answers the session as it is), and payment releases the escrow once the orders exist too. 409 for a
     * session that is not confirmed.
     */
    @WithTransaction
    public Uni<Session> factoryCompletesProduction(UUID sessionId, UUID factory) {
        return SessionLocks.lock(sessionId).chain(session -> {
            if (!session.factoryId.equals(factory)) {
                throw ProblemException.forbidden("session " + sessionId + " belongs to another factory");
            }
            return switch (ProductionRule.factoryCompletes(progress(session))) {
                case ProductionRule.Decision.Record record ->
                        completeProduction(session, false, "marked done by the factory").replaceWith(session);
                case ProductionRule.Decision.AlreadyRecorded already -> {
                    LOG.infof("Production of session %s was recorded at %s already; nothing changes", session.id,
                            already.at());
                    yield Uni.createFrom().item(session);
                }
                case ProductionRule.Decision.Refused refused -> throw ProblemException.conflict(refused.type(),
                        refused.detail(), "status", Map.of("status", session.status.code()));
            };
        });
    }

    private Uni<Void> productionIfImplied(Session session) {
        return ProductionRule.impliedByStock(progress(session))
                ? completeProduction(session, true, "implied: the whole demand was on hand, nothing to make")
                : Uni.createFrom().voidItem();
    }

    private Uni<Void> completeProduction(Session session, boolean implied, String outcome) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        session.productionCompletedAt = now;
        session.productionImplied = implied;
        LOG.infof("Production of session %s complete (%s)", session.id, outcome);
        return outbox.publish(session.id, ProductionCompleted.newBuilder()
                        .setSessionId(session.id.toString())
                        .setFactoryId(session.factoryId.toString())
                        .setImpliedByStock(implied)
                        .setCompletedAt(now)
                        .build())
                .chain(() -> SessionTimeline.record(session.id, "production_completed", outcome, null, now));
    }

    private static ProductionRule.Progress progress(Session s) {
        return new ProductionRule.Progress(s.status, s.stockFromHand, s.ordersCreated, s.productionCompletedAt);
    }

    private static void advance(Session session, SessionStatus to, SessionStatus... from) {
        if (Set.of(from).contains(session.status)) {
            session.status = to;
        } else {
            LOG.infof("session %s stays %s (step towards %s)", session.id, session.status.code(), to.code());
        }
    }

    private Uni<Void> onSession(String sessionId, String step, Function<Session, Uni<Void>> apply) {
        return SessionLocks.lockIfExists(UUID.fromString(sessionId))
                .chain(session -> {
                    if (session == null) {
                        LOG.warnf("%s for unknown session %s ignored", step, sessionId);
                        return Uni.createFrom().voidItem();
                    }
                    return apply.apply(session);
                });
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
