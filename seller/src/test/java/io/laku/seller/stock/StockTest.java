package io.laku.seller.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SPEC §8: available = stock - reserved; shipping deducts stock -= qty, reserved -= qty; nothing goes negative. */
class StockTest {

    @Test
    void availableIsStockLessReserved() {
        assertThat(new Stock(10, 3).available()).isEqualTo(7);
    }

    @Test
    void aStoreOrderReservesThenShipsItsUnits() {
        Stock reserved = new Stock(10, 0).reserve(2);
        assertThat(reserved).isEqualTo(new Stock(10, 2));
        assertThat(reserved.deduct(2)).isEqualTo(new Stock(8, 0));
    }

    @Test
    void aCancelledOrderGivesItsUnitsBack() {
        assertThat(new Stock(10, 3).release(3)).isEqualTo(new Stock(10, 0));
    }

    @Test
    void noVariantIsReservedPastItsStock() {
        Stock five = new Stock(5, 4);
        assertThat(five.reserve(1)).isEqualTo(new Stock(5, 5));
        assertThatThrownBy(() -> five.reserve(2)).isInstanceOf(StockRefusedException.class)
                .hasMessageContaining("2 units wanted, 1 available")
                .satisfies(e -> assertThat(((StockRefusedException) e).reason()).isEqualTo(StockRefusedException.Reason.NOT_AVAILABLE));
    }

    @Test
    void anAdjustmentCannotRemoveUnitsHeldForOrders() {
        Stock held = new Stock(5, 3);
        assertThat(held.adjust(-2)).isEqualTo(new Stock(3, 3));
        assertThat(held.adjust(7)).isEqualTo(new Stock(12, 3));
        assertThatThrownBy(() -> held.adjust(-3)).isInstanceOf(StockRefusedException.class)
                .satisfies(e -> assertThat(((StockRefusedException) e).reason()).isEqualTo(StockRefusedException.Reason.BELOW_RESERVED));
        assertThatThrownBy(() -> held.adjust(0)).isInstanceOf(StockRefusedException.class);
    }

    @Test
    void onlyHeldUnitsAreReleasedOrDeducted() {
        Stock held = new Stock(5, 1);
        assertThatThrownBy(() -> held.release(2)).isInstanceOf(StockRefusedException.class);
        assertThatThrownBy(() -> held.deduct(2)).isInstanceOf(StockRefusedException.class);
        assertThatThrownBy(() -> held.reserve(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stock(1, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stock(-1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
