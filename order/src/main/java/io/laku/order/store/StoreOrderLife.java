package io.laku.order.store;

import static io.laku.order.store.StoreOrderStatus.CANCELLED;
import static io.laku.order.store.StoreOrderStatus.PAID;
import static io.laku.order.store.StoreOrderStatus.PENDING_PAYMENT;
import static io.laku.order.store.StoreOrderStatus.PENDING_STOCK_CHECK;
import static io.laku.order.store.StoreOrderStatus.REJECTED;
import static io.laku.order.store.StoreOrderStatus.SHIPPED;

import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * A seller-store order's life (SPEC §8), the one transition table: {@code pending_stock_check} -> {@code
 * pending_payment} -> {@code paid} -> {@code shipped}, or {@code rejected} (out of stock) or {@code cancelled} (by the
 * customer before paying, by the seller before shipping, or because the payment expired). A step that does not apply in
 * the order's status changes nothing: on REST it is refused, from an event it is ignored (a late or repeated fact).
 */
public final class StoreOrderLife {

    /** What can happen to an order. */
    public enum Step {
        /** The seller reserved every line. */
        STOCK_RESERVED,
        /** The seller could not hold the whole order. */
        STOCK_REJECTED,
        /** The gateway says the direct payment was paid. */
        PAYMENT_PAID,
        /** The direct payment expired unpaid. */
        PAYMENT_EXPIRED,
        /** {@code POST /api/orders/{id}/cancel} by the customer: only before paying. */
        CUSTOMER_CANCELS,
        /** {@code POST /api/orders/{id}/cancel} by the order's seller: before shipping (a paid order is refunded). */
        SELLER_CANCELS,
        /** {@code POST /api/orders/{id}/ship} by the order's seller: a paid order only. */
        SELLER_SHIPS
    }

    private static final Map<StoreOrderStatus, Map<Step, StoreOrderStatus>> NEXT = new EnumMap<>(StoreOrderStatus.class);

    static {
        allow(PENDING_STOCK_CHECK, Step.STOCK_RESERVED, PENDING_PAYMENT);
        allow(PENDING_STOCK_CHECK, Step.STOCK_REJECTED, REJECTED);
        allow(PENDING_STOCK_CHECK, Step.CUSTOMER_CANCELS, CANCELLED);
        allow(PENDING_STOCK_CHECK, Step.SELLER_CANCELS, CANCELLED);
        allow(PENDING_PAYMENT, Step.PAYMENT_PAID, PAID);
        allow(PENDING_PAYMENT, Step.PAYMENT_EXPIRED, CANCELLED);
        allow(PENDING_PAYMENT, Step.CUSTOMER_CANCELS, CANCELLED);
        allow(PENDING_PAYMENT, Step.SELLER_CANCELS, CANCELLED);
        allow(PAID, Step.SELLER_SHIPS, SHIPPED);
        allow(PAID, Step.SELLER_CANCELS, CANCELLED);
    }

    private StoreOrderLife() {
    }

    private static void allow(StoreOrderStatus from, Step step, StoreOrderStatus to) {
        NEXT.computeIfAbsent(from, s -> new EnumMap<>(Step.class)).put(step, to);
    }

    /** The status after the step, or empty when the step does not apply now. */
    public static Optional<StoreOrderStatus> after(StoreOrderStatus current, Step step) {
        return Optional.ofNullable(NEXT.getOrDefault(current, Map.of()).get(step));
    }

    /** Whether the order's money has been taken: a cancel now must refund it in full. */
    public static boolean paid(StoreOrderStatus status) {
        return status == PAID || status == SHIPPED;
    }
}
