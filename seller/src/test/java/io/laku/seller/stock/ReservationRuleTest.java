package io.laku.seller.stock;

import io.laku.platform.stock.Stock;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.seller.stock.ReservationRule.Line;
import io.laku.seller.stock.ReservationRule.Reject;
import io.laku.seller.stock.ReservationRule.Rejection;
import io.laku.seller.stock.ReservationRule.Reserve;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC §8: the seller reserves every line of an order atomically, or rejects the whole order naming the variant. */
class ReservationRuleTest {

    private static final UUID HOODIE_M = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID HOODIE_L = UUID.fromString("00000000-0000-0000-0000-00000000000b");

    @Test
    void everyLineInStockIsReserved() {
        var decision = ReservationRule.decide(true, List.of(new Line(HOODIE_M, 2), new Line(HOODIE_L, 1)),
                Map.of(HOODIE_M, new Stock(10, 0), HOODIE_L, new Stock(5, 4)));
        assertThat(decision).isEqualTo(new Reserve(Map.of(HOODIE_M, 2L, HOODIE_L, 1L)));
    }

    @Test
    void oneLineShortRejectsTheWholeOrderNamingTheVariant() {
        var decision = ReservationRule.decide(true, List.of(new Line(HOODIE_M, 2), new Line(HOODIE_L, 2)),
                Map.of(HOODIE_M, new Stock(10, 0), HOODIE_L, new Stock(5, 4)));
        assertThat(decision).isEqualTo(new Reject(Rejection.OUT_OF_STOCK, HOODIE_L, 2L, 1L));
    }

    @Test
    void aSuspendedSellerReservesNothing() {
        var decision = ReservationRule.decide(false, List.of(new Line(HOODIE_M, 1)), Map.of(HOODIE_M, new Stock(10, 0)));
        assertThat(decision).isEqualTo(new Reject(Rejection.SELLER_NOT_ACTIVE, null, null, null));
    }

    @Test
    void aVariantThatIsNotTheSellersIsUnknown() {
        var decision = ReservationRule.decide(true, List.of(new Line(HOODIE_M, 1)), Map.of());
        assertThat(decision).isEqualTo(new Reject(Rejection.UNKNOWN_VARIANT, HOODIE_M, 1L, null));
    }

    @Test
    void thirtyTwoOrdersOfOneUnitForFiveUnitsReserveExactlyFive() {
        // the orders arrive one after the other at the locked row: the rule sees each commit's stock
        Stock stock = new Stock(5, 0);
        List<Object> outcomes = new ArrayList<>();
        for (int i = 0; i < 32; i++) {
            var decision = ReservationRule.decide(true, List.of(new Line(HOODIE_M, 1)), Map.of(HOODIE_M, stock));
            if (decision instanceof Reserve reserve) {
                stock = stock.reserve(reserve.units().get(HOODIE_M));
            }
            outcomes.add(decision.getClass().getSimpleName());
        }
        assertThat(stock).isEqualTo(new Stock(5, 5));
        Map<Object, Long> counts = new HashMap<>();
        outcomes.forEach(o -> counts.merge(o, 1L, Long::sum));
        assertThat(counts).containsEntry("Reserve", 5L).containsEntry("Reject", 27L);
    }
}
