package io.laku.order.store;

import static io.laku.order.store.StoreOrderStatus.CANCELLED;
import static io.laku.order.store.StoreOrderStatus.PAID;
import static io.laku.order.store.StoreOrderStatus.PENDING_PAYMENT;
import static io.laku.order.store.StoreOrderStatus.PENDING_STOCK_CHECK;
import static io.laku.order.store.StoreOrderStatus.REJECTED;
import static io.laku.order.store.StoreOrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

import io.laku.order.store.StoreOrderLife.Step;
import java.util.EnumSet;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * SPEC §8: pending_stock_check -> pending_payment -> paid -> shipped, or rejected / cancelled. The customer cancels
 * before paying; the seller ships a paid order, or cancels before shipping.
 */
class StoreOrderLifeTest {

    @Test
    void theHappyPath() {
        assertThat(StoreOrderLife.after(PENDING_STOCK_CHECK, Step.STOCK_RESERVED)).contains(PENDING_PAYMENT);
        assertThat(StoreOrderLife.after(PENDING_PAYMENT, Step.PAYMENT_PAID)).contains(PAID);
        assertThat(StoreOrderLife.after(PAID, Step.SELLER_SHIPS)).contains(SHIPPED);
    }

    @Test
    void outOfStockRejects() {
        assertThat(StoreOrderLife.after(PENDING_STOCK_CHECK, Step.STOCK_REJECTED)).contains(REJECTED);
    }

    @Test
    void anUnpaidPaymentThatExpiresCancels() {
        assertThat(StoreOrderLife.after(PENDING_PAYMENT, Step.PAYMENT_EXPIRED)).contains(CANCELLED);
    }

    @Test
    void theCustomerCancelsOnlyBeforePaying() {
        assertThat(StoreOrderLife.after(PENDING_STOCK_CHECK, Step.CUSTOMER_CANCELS)).contains(CANCELLED);
        assertThat(StoreOrderLife.after(PENDING_PAYMENT, Step.CUSTOMER_CANCELS)).contains(CANCELLED);
        assertThat(StoreOrderLife.after(PAID, Step.CUSTOMER_CANCELS)).isEmpty();
        assertThat(StoreOrderLife.after(SHIPPED, Step.CUSTOMER_CANCELS)).isEmpty();
    }

    @Test
    void theSellerCancelsBeforeShippingAndAPaidOrderIsThenRefunded() {
        assertThat(StoreOrderLife.after(PAID, Step.SELLER_CANCELS)).contains(CANCELLED);
        assertThat(StoreOrderLife.paid(PAID)).isTrue();
        assertThat(StoreOrderLife.paid(PENDING_PAYMENT)).isFalse();
        assertThat(StoreOrderLife.after(SHIPPED, Step.SELLER_CANCELS)).isEmpty();
    }

    @Test
    void onlyAPaidOrderShips() {
        for (StoreOrderStatus status : EnumSet.complementOf(EnumSet.of(PAID))) {
            assertThat(StoreOrderLife.after(status, Step.SELLER_SHIPS)).as(status.code()).isEmpty();
        }
    }

    @Test
    void aLateOrRepeatedFactChangesNothing() {
        // a payment paid after the customer cancelled: the order stays cancelled (payment refunds the money)
        assertThat(StoreOrderLife.after(CANCELLED, Step.PAYMENT_PAID)).isEmpty();
        assertThat(StoreOrderLife.after(PAID, Step.PAYMENT_PAID)).isEmpty();
        assertThat(StoreOrderLife.after(CANCELLED, Step.STOCK_RESERVED)).isEmpty();
        assertThat(StoreOrderLife.after(REJECTED, Step.STOCK_RESERVED)).isEmpty();
        for (Step step : Step.values()) {
            assertThat(StoreOrderLife.after(SHIPPED, step)).isEqualTo(Optional.empty());
            assertThat(StoreOrderLife.after(REJECTED, step)).isEqualTo(Optional.empty());
            assertThat(StoreOrderLife.after(CANCELLED, step)).isEqualTo(Optional.empty());
        }
    }
}
