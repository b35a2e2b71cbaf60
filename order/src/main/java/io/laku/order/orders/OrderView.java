package io.laku.order.orders;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** An order as REST shows it: its items carry the product snapshot. Money in whole rupiah. */
public record OrderView(UUID id, String orderNumber, UUID sessionId, UUID factoryId, UUID userId, UUID participantId,
        String status, long total, long refund, List<ItemSnapshot> items, Instant createdAt, Instant updatedAt) {

    /** What was bought, as it was when the order was made. */
    public record ItemSnapshot(UUID productId, String productName, UUID variantId, String variantName, long quantity,
            long paidUnitPrice, long finalUnitPrice, long refund, long total) {

        static ItemSnapshot of(OrderItem item) {
            return new ItemSnapshot(item.productId, item.productName, item.variantId, item.variantName, item.quantity,
                    item.paidUnitPrice, item.finalUnitPrice, item.refund, item.total);
        }
    }

    public record OrderPage(List<OrderView> items, int page, int size, long total) {
    }

    static OrderView of(CustomerOrder order, List<OrderItem> items) {
        return new OrderView(order.id, order.orderNumber, order.sessionId, order.factoryId, order.userId,
                order.participantId, order.status, order.total, order.refund,
                items.stream().map(ItemSnapshot::of).toList(), order.createdAt, order.updatedAt);
    }
}
