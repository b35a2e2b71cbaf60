package io.laku.order.ordering;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * What order has heard of one session, from two topics that arrive in either order: its settlement
 * (SessionConfirmed on laku.session) and the warehouse holding its whole demand (StockReserved on laku.fulfilment).
 * Orders are made exactly when both are known, and only once.
 *
 * @param settlement null until SessionConfirmed is seen
 * @param productionCompleted ProductionCompleted was seen (it may overtake StockReserved: they are on different topics)
 * @param ordersCreated the session's orders (and its OrdersCreated) exist
 */
public record SessionProgress(Settlement settlement, boolean stockReserved, boolean productionCompleted,
        boolean ordersCreated) {

    public boolean readyForOrders() {
        return settlement != null && stockReserved && !ordersCreated;
    }

    /** Orders made after production completed are ready to ship at once; otherwise they start as created. */
    public OrderStatus initialStatus() {
        return productionCompleted ? OrderStatus.READY_TO_SHIP : OrderStatus.CREATED;
    }

    /**
     * One order per real participant, in the settlement's participant order; none unless {@link #readyForOrders()}.
     *
     * @param orderIds a fresh id per order (random in production)
     */
    public List<OrderDraft> orders(ProductNames names, Instant createdAt, Supplier<UUID> orderIds) {
        if (!readyForOrders()) {
            return List.of();
        }
        return settlement.participants().stream().map(participant -> {
            UUID orderId = orderIds.get();
            return new OrderDraft(orderId, OrderNumber.of(createdAt, orderId), settlement.sessionId(),
                    settlement.factoryId(), participant.participantId(), participant.userId(),
                    snapshot(settlement.productId(), participant, names), initialStatus(), createdAt);
        }).toList();
    }

    static ProductSnapshot snapshot(UUID productId, SettledParticipant participant, ProductNames names) {
        return new ProductSnapshot(productId, names.productName(productId), participant.variantId(),
                names.variantName(participant.variantId(), participant.variantName()), participant.quantity(),
                participant.paidUnitPrice(), participant.finalUnitPrice(), participant.refundDue(),
                Math.multiplyExact(participant.finalUnitPrice(), participant.quantity()));
    }
}
