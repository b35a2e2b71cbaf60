package io.laku.order.placement;

import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.order.OrdersCreated;
import io.laku.order.ordering.OrderDraft;
import io.laku.order.ordering.SessionProgress;
import io.laku.order.ordering.Settlement;
import io.laku.order.orders.CustomerOrder;
import io.laku.order.orders.OrderItem;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes the orders of sessions that are confirmed and whose stock is reserved: one order per confirmed seat (unique
 * participant id), at most {@code laku.order.placement-batch} per transaction, each announced by OrderPlaced; and,
 * once every seat of the outcome is known and has its order, one OrdersCreated. A session of 10,000 participants is
 * 20 short transactions, each resumable after a crash; two instances skip each other's sessions
 * ({@code for update skip locked}).
 */
@ApplicationScoped
public class OrderPlacer {

    private static final Logger LOG = Logger.getLogger(OrderPlacer.class);

    /** A session with work now: confirmed seats without orders, or all seats known and OrdersCreated still due. */
    private static final String DUE = """
            select os.session_id from order_session os
            where os.confirmed_at is not null and os.stock_reserved_at is not null and os.orders_created_at is null
              and (os.seats_seen >= os.seats_expected
                   or exists (select 1 from settled_participant sp
                              where sp.session_id = os.session_id and sp.outcome = 'confirmed'
                                and not exists (select 1 from customer_order o where o.participant_id = sp.participant_id)))
            order by os.confirmed_at limit 1 for update skip locked""";
    private static final String SEATS_WITHOUT_ORDERS = """
            from SettledSeat s where s.sessionId = ?1 and s.outcome = 'confirmed'
            and not exists (from CustomerOrder o where o.participantId = s.participantId)
            order by s.position""";

    @Inject
    SafeContext safeContext;

    @Inject
    ProductCatalogue catalogue;

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "laku.order.placement-batch")
    int batch;

    @Scheduled(every = "${laku.order.placement-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> run() {
        return safeContext.run(this::placeSome).chain(placed -> placed ? run() : Uni.createFrom().voidItem());
    }

    /** One batch of one session with work, in one transaction; true when it did something (there may be more). */
    Uni<Boolean> placeSome() {
        return Panache.withTransaction(() -> Panache.getSession()
                .chain(s -> s.<UUID>createNativeQuery(DUE).getResultList())
                .chain(due -> due.isEmpty() ? Uni.createFrom().item(false)
                        : OrderSession.<OrderSession>findById(due.getFirst(), LockModeType.PESSIMISTIC_WRITE)
                                .chain(this::place).replaceWith(true)));
    }

    private Uni<Void> place(OrderSession session) {
        return SettledSeat.<SettledSeat>find(SEATS_WITHOUT_ORDERS, session.sessionId).page(0, batch).list()
                .chain(seats -> seats.isEmpty() ? completeIfAllKnown(session)
                        : catalogue.names(session.productId).chain(names -> {
                            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
                            Settlement settlement = new Settlement(session.sessionId, session.productId,
                                    session.factoryId, session.tier, session.finalUnitPrice,
                                    seats.stream().map(SettledSeat::participant).toList());
                            SessionProgress progress = session.progress(settlement);
                            List<OrderDraft> drafts = progress.orders(names, now, UUID::randomUUID);
                            List<SpecificRecord> placed = drafts.stream().map(OrderPlacer::orderPlaced)
                                    .map(SpecificRecord.class::cast).toList();
                            return CustomerOrder.persist(drafts.stream().map(CustomerOrder::of).toList())
                                    .chain(() -> OrderItem.persist(drafts.stream()
                                            .map(draft -> OrderItem.of(draft.orderId(), 1, draft.item())).toList()))
                                    .chain(() -> outbox.publishAll(session.sessionId, placed))
                                    .invoke(() -> LOG.infof("Session %s: %d orders placed", session.sessionId,
                                            drafts.size()));
                        }));
    }

    private Uni<Void> completeIfAllKnown(OrderSession session) {
        if (!session.allSeatsKnown()) {
            return Uni.createFrom().voidItem(); // more seats of the outcome are still on their way
        }
        return CustomerOrder.count("sessionId", session.sessionId).chain(orders -> {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            session.ordersCreatedAt = now;
            session.updatedAt = now;
            LOG.infof("Session %s: all %d orders created", session.sessionId, orders);
            return outbox.publish(session.sessionId, OrdersCreated.newBuilder()
                    .setSessionId(session.sessionId.toString())
                    .setOrderCount(orders.intValue())
                    .setCreatedAt(now)
                    .build()).replaceWithVoid();
        });
    }

    private static OrderPlaced orderPlaced(OrderDraft draft) {
        return OrderPlaced.newBuilder()
                .setOrderId(draft.orderId().toString())
                .setOrderNumber(draft.orderNumber())
                .setSessionId(draft.sessionId().toString())
                .setFactoryId(draft.factoryId().toString())
                .setParticipantId(draft.participantId().toString())
                .setUserId(draft.userId().toString())
                .setProductId(draft.item().productId().toString())
                .setProductName(draft.item().productName())
                .setVariantId(draft.item().variantId().toString())
                .setVariantName(draft.item().variantName())
                .setQuantity(draft.item().quantity())
                .setPaidUnitPrice(draft.item().paidUnitPrice())
                .setFinalUnitPrice(draft.item().finalUnitPrice())
                .setTotal(draft.item().total())
                .setPlacedAt(draft.createdAt())
                .build();
    }
}
