package io.laku.platform.stock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.platform.stock.StockRefusedException.Reason;
import org.junit.jupiter.api.Test;

/** SPEC §5.3 and §8: available = on hand - reserved; nothing held twice, nothing goes negative. */
class StockTest {

    @Test
    void availableIsWhatIsOnHandAndNotReserved() {
        assertThat(new Stock(10, 4).available()).isEqualTo(6);
        assertThat(Stock.EMPTY.available()).isZero();
    }

    @Test
    void anAdjustmentAddsOrRemovesUnitsOnHand() {
        assertThat(new Stock(10, 4).adjust(5)).isEqualTo(new Stock(15, 4));
        assertThat(new Stock(10, 4).adjust(-6)).isEqualTo(new Stock(4, 4));
    }

    @Test
    void anAdjustmentCannotTakeReservedUnits() {
        Stock stock = new Stock(10, 4);

        assertThatThrownBy(() -> stock.adjust(-7))
                .isInstanceOfSatisfying(StockRefusedException.class, refused -> {
                    assertThat(refused.reason()).isEqualTo(Reason.BELOW_RESERVED);
                    assertThat(refused.stock()).isEqualTo(new Stock(10, 4));
                    assertThat(refused.units()).isEqualTo(-7);
                })
                .hasMessageContaining("on hand would be 3, below the 4 units reserved (6 available to remove)");
    }

    @Test
    void anAdjustmentCannotTakeOnHandBelowZero() {
        assertThatThrownBy(() -> Stock.EMPTY.adjust(-1))
                .isInstanceOfSatisfying(StockRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.BELOW_RESERVED));
    }

    @Test
    void anAdjustmentOfNothingIsRefused() {
        assertThatThrownBy(() -> new Stock(3, 1).adjust(0))
                .isInstanceOfSatisfying(StockRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NO_CHANGE));
    }

    @Test
    void anAdjustmentThatOverflowsIsRefused() {
        assertThatThrownBy(() -> new Stock(1, 0).adjust(Long.MAX_VALUE))
                .isInstanceOfSatisfying(StockRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.OUT_OF_RANGE));
    }

    @Test
    void reservingHoldsAvailableUnitsUpToTheLast() {
        assertThat(new Stock(10, 4).reserve(6)).isEqualTo(new Stock(10, 10));
        assertThat(new Stock(10, 4).reserve(0)).isEqualTo(new Stock(10, 4));
        assertThat(new Stock(10, 10).available()).isZero();
    }

    @Test
    void reservingMoreThanIsAvailableIsRefused() {
        assertThatThrownBy(() -> new Stock(10, 4).reserve(7))
                .isInstanceOfSatisfying(StockRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_AVAILABLE))
                .hasMessage("7 units wanted, 6 available");
    }

    @Test
    void receivedUnitsGoOnHandAndAreAvailable() {
        // SPEC §5.3 example: 3 bundles of M (5 per bundle) for 12 missing: 15 in, 12 held, 3 left available
        Stock received = Stock.EMPTY.receive(15).reserve(12);

        assertThat(received).isEqualTo(new Stock(15, 12));
        assertThat(received.available()).isEqualTo(3);
    }

    @Test
    void stockThatBreaksTheRuleCannotExist() {
        assertThatThrownBy(() -> new Stock(3, 4)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stock(3, -1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Stock(-1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stock.EMPTY.reserve(-1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Stock.EMPTY.receive(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void aStoreOrderHoldsItsUnitsThenShipsThem() {
        // SPEC §8: shipping deducts stock -= qty, reserved -= qty
        Stock held = new Stock(10, 0).reserve(2);
        assertThat(held).isEqualTo(new Stock(10, 2));
        assertThat(held.deduct(2)).isEqualTo(new Stock(8, 0));
    }

    @Test
    void aCancelledOrderGivesItsUnitsBack() {
        assertThat(new Stock(10, 3).release(3)).isEqualTo(new Stock(10, 0));
    }

    @Test
    void onlyHeldUnitsAreReleasedOrDeducted() {
        Stock held = new Stock(5, 1);
        assertThatThrownBy(() -> held.release(2))
                .isInstanceOfSatisfying(StockRefusedException.class,
                        refused -> assertThat(refused.reason()).isEqualTo(Reason.NOT_HELD))
                .hasMessage("2 units to take off the reservation, only 1 held");
        assertThatThrownBy(() -> held.deduct(2)).isInstanceOf(StockRefusedException.class);
        assertThatThrownBy(() -> held.release(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
