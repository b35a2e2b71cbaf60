package io.laku.order.placement;

import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.CreatedOrder;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.order.ordering.OrderDraft;
import io.laku.order.ordering.OrderStatus;
import io.laku.order.ordering.SessionProgress;
import io.laku.order.ordering.Settlement;
import io.laku.order.ordering.SettledParticipant;
import io.laku.order.orders.CustomerOrder;
import io.laku.order.orders.OrderItem;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.PoisonEventException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.jboss.logging.Logger;

/**
 * SPEC §5 step 5: once a session's settlement and its stock reservation are both known, one order per real
 * participant, and one OrdersCreated. Every method runs in the consumer's transaction (with its inbox row) and holds
 * the session's row lock, so the two facts, arriving on two topics in either order, meet exactly once; the
 * session's {@code orders_created_at} makes a re-announced fact (a new event id) change nothing.
 */
@ApplicationScoped
public class OrderPlacement {

    private static final Logger LOG = Logger.getLogger(OrderPlacement.class);

    private static final String READY_TO_SHIP = """
            update customer_order set status = ?1, updated_at = ?2 where session_id = ?3 and status = ?4""";

    @Inject
    ProductCatalogue catalogue;

    @Inject
    OutboxWriter outbox;

    public Uni<Void> confirmed(SessionConfirmed confirmed) {
        Settlement settlement = Settlements.from(confirmed);
        return OrderSession.lock(settlement.sessionId()).chain(session -> {
            if (session.isSettled()) {
                LOG.infof("Session %s: settlement already known, this one changes nothing", settlement.sessionId());
                return Uni.createFrom().voidItem();
            }
            session.settle(settlement, confirmed.getConfirmedAt());
            List<SettledSeat> seats = IntStream.range(0, settlement.participants().size())
                    .mapToObj(i -> SettledSeat.of(settlement.sessionId(), i, settlement.participants().get(i)))
                    .toList();
            LOG.infof("Session %s settled at tier %d: %d real participants", settlement.sessionId(), settlement.tier(),
                    seats.size());
            return SettledSeat.persist(seats).chain(() -> placeIfReady(session, settlement));
        });
    }

    public Uni<Void> stockReserved(StockReserved reserved) {
        return OrderSession.lock(sessionId(reserved.getSessionId())).chain(session -> {
            if (session.stockReservedAt != null) {
                LOG.infof("Session %s: stock already known reserved", session.sessionId);
                return Uni.createFrom().voidItem();
            }
            session.stockReservedAt = reserved.getReservedAt();
            session.updatedAt = Instant.now();
            return settlementOf(session).chain(settlement -> placeIfReady(session, settlement));
        });
    }

    /** The factory finished: the session's orders can ship. Orders made later start ready to ship. */
    public Uni<Void> productionCompleted(ProductionCompleted completed) {
        return OrderSession.lock(sessionId(completed.getSessionId())).chain(session -> {
            if (session.productionCompletedAt == null) {
                session.productionCompletedAt = completed.getCompletedAt();
                session.updatedAt = Instant.now();
            }
            return Panache.getSession().chain(s -> s.createNativeQuery(READY_TO_SHIP)
                            .setParameter(1, OrderStatus.READY_TO_SHIP.code())
                            .setParameter(2, Instant.now())
                            .setParameter(3, session.sessionId)
                            .setParameter(4, OrderStatus.CREATED.code())
                            .executeUpdate())
                    .invoke(moved -> LOG.infof("Session %s production completed: %d orders ready to ship",
                            session.sessionId, moved))
                    .replaceWithVoid();
        });
    }

    private Uni<Void> placeIfReady(OrderSession session, Settlement settlement) {
        SessionProgress progress = session.progress(settlement);
        if (!progress.readyForOrders()) {
            LOG.infof("Session %s: no orders yet (settled %s, stock reserved %s, orders made %s)", session.sessionId,
                    settlement != null, progress.stockReserved(), progress.ordersCreated());
            return Uni.createFrom().voidItem();
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return catalogue.names(settlement.productId()).chain(names -> {
            List<OrderDraft> drafts = progress.orders(names, now, UUID::randomUUID);
            List<CustomerOrder> orders = drafts.stream().map(CustomerOrder::of).toList();
            List<OrderItem> items = new ArrayList<>();
            drafts.forEach(draft -> items.add(OrderItem.of(draft.orderId(), 1, draft.item())));
            session.ordersCreatedAt = now;
            session.updatedAt = now;
            return CustomerOrder.persist(orders)
                    .chain(() -> OrderItem.persist(items))
                    .chain(() -> outbox.publish(session.sessionId, ordersCreated(session.sessionId, drafts, now)))
                    .invoke(() -> LOG.infof("Session %s: %d orders created", session.sessionId, drafts.size()))
                    .replaceWithVoid();
        });
    }

    private static Uni<Settlement> settlementOf(OrderSession session) {
        if (!session.isSettled()) {
            return Uni.createFrom().nullItem();
        }
        return SettledSeat.<SettledSeat>list("sessionId = ?1 order by position", session.sessionId)
                .map(seats -> {
                    List<SettledParticipant> participants = seats.stream().map(SettledSeat::participant).toList();
                    return new Settlement(session.sessionId, session.productId, session.factoryId, session.tier,
                            session.finalUnitPrice, participants);
                });
    }

    private static OrdersCreated ordersCreated(UUID sessionId, List<OrderDraft> drafts, Instant createdAt) {
        return OrdersCreated.newBuilder()
                .setSessionId(sessionId.toString())
                .setOrders(drafts.stream().map(draft -> CreatedOrder.newBuilder()
                        .setOrderId(draft.orderId().toString())
                        .setOrderNumber(draft.orderNumber())
                        .setParticipantId(draft.participantId().toString())
                        .setUserId(draft.userId().toString())
                        .setVariantId(draft.item().variantId().toString())
                        .setQuantity(draft.item().quantity())
                        .setFinalUnitPrice(draft.item().finalUnitPrice())
                        .build()).toList())
                .setCreatedAt(createdAt)
                .build();
    }

    private static UUID sessionId(String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("session id is not a UUID: " + value);
        }
    }
}
