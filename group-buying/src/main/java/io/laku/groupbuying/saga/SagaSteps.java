package io.laku.groupbuying.saga;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.groupbuying.join.SessionLocks;
import io.laku.groupbuying.session.SessionStatus;
import io.laku.platform.eventing.InboundEvent;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The session's status after its outcome follows the saga (SPEC §5): stock reserved -> moq_reached, purchase order
 * -> pending_stock, escrow released -> success. Each step is recorded in the session's timeline. A step that would go
 * backwards (e.g. a late PurchaseOrderCreated after success) only records the timeline entry.
 */
@ApplicationScoped
public class SagaSteps {

    private static final Logger LOG = Logger.getLogger(SagaSteps.class);

    public Uni<Void> stockReserved(InboundEvent event, StockReserved reserved) {
        return move(event, reserved.getSessionId(), "stock_reserved", SessionStatus.MOQ_REACHED,
                Set.of(SessionStatus.CONFIRMED, SessionStatus.PENDING_STOCK));
    }

    public Uni<Void> purchaseOrderCreated(InboundEvent event, PurchaseOrderCreated po) {
        return move(event, po.getSessionId(), "purchase_order_created", SessionStatus.PENDING_STOCK,
                Set.of(SessionStatus.CONFIRMED));
    }

    public Uni<Void> ordersCreated(InboundEvent event, OrdersCreated orders) {
        return move(event, orders.getSessionId(), "orders_created", null, Set.of());
    }

    public Uni<Void> escrowReleased(InboundEvent event, EscrowReleased released) {
        return move(event, released.getSessionId(), "escrow_released", SessionStatus.SUCCESS,
                Set.of(SessionStatus.CONFIRMED, SessionStatus.MOQ_REACHED, SessionStatus.PENDING_STOCK));
    }

    private Uni<Void> move(InboundEvent event, String sessionId, String step, SessionStatus to, Set<SessionStatus> from) {
        UUID id = UUID.fromString(sessionId);
        return SessionLocks.lock(id)
                .onFailure(ProblemException.class).recoverWithNull()
                .chain(session -> {
                    if (session == null) {
                        LOG.warnf("%s for unknown session %s ignored", step, sessionId);
                        return Uni.createFrom().voidItem();
                    }
                    if (to != null && from.contains(session.status)) {
                        session.status = to;
                    } else if (to != null) {
                        LOG.infof("%s: session %s stays %s", step, sessionId, session.status.code());
                    }
                    return Panache.getSession().chain(s -> s.createNativeQuery(
                                    "insert into session_timeline (session_id, step, event_id) values (?1, ?2, ?3)")
                            .setParameter(1, id).setParameter(2, step).setParameter(3, event.id())
                            .executeUpdate()).replaceWithVoid();
                });
    }
}
