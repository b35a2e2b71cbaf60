package io.laku.order.orders;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An order as REST shows it: its items carry the product snapshot. Money in whole rupiah. A seller-store order
 * (orderSource seller_store) also shows its seller, payment link and what happened to it ({@link StoreFacts}).
 */
public record OrderView(UUID id, String orderNumber, String orderSource, UUID sessionId, UUID factoryId, UUID userId,
        UUID participantId, String status, long total, long refund, List<ItemSnapshot> items, Instant createdAt,
        Instant updatedAt, @JsonInclude(JsonInclude.Include.NON_NULL) StoreFacts store) {

    /** A seller-store order's own facts; null fields are left out. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record StoreFacts(UUID sellerId, UUID checkoutId, UUID paymentId, String paymentUrl,
            Instant paymentExpiresAt, Instant paidAt, String rejectionReason, UUID rejectedVariantId,
            String cancelledBy, String cancelReason, String courier, String trackingNumber, Instant shippedAt,
            Instant closedAt) {

        static StoreFacts of(CustomerOrder o) {
            return new StoreFacts(o.sellerId, o.checkoutId, o.paymentId, o.paymentUrl, o.paymentExpiresAt, o.paidAt,
                    o.rejectionReason, o.rejectedVariantId, o.cancelledBy, o.cancelReason, o.courier, o.trackingNumber,
                    o.shippedAt, o.closedAt);
        }
    }

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

    public static OrderView of(CustomerOrder order, List<OrderItem> items) {
        return new OrderView(order.id, order.orderNumber, order.orderSource, order.sessionId, order.factoryId,
                order.userId, order.participantId, order.status, order.total, order.refund,
                items.stream().map(ItemSnapshot::of).toList(), order.createdAt, order.updatedAt,
                CustomerOrder.SELLER_STORE.equals(order.orderSource) ? StoreFacts.of(order) : null);
    }
}
