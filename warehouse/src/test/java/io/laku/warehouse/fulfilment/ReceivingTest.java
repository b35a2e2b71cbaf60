package io.laku.warehouse.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.warehouse.fulfilment.Receiving.Booked;
import io.laku.warehouse.fulfilment.Receiving.Line;
import io.laku.warehouse.fulfilment.Receiving.Receipt;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * SPEC §5.4 with counted deliveries, on the seed's flow (b): the Premium Hoodie (S2 M5 L4 XL1), demand S 3, M 12, L 4,
 * nothing on hand, so 3 bundles are ordered: S 6, M 15, L 12, XL 3.
 */
class ReceivingTest {

    static final UUID S = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID M = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID L = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID XL = UUID.fromString("00000000-0000-0000-0000-000000000004");

    static List<Line> ordered(long s, long m, long l, long xl) {
        return List.of(new Line(S, 6, 3, s), new Line(M, 15, 12, m), new Line(L, 12, 4, l), new Line(XL, 3, 0, xl));
    }

    @Test
    void theWholeOrderDeliveredHoldsTheDemandAndLeavesTheExcessAvailable() {
        Receipt receipt = Receiving.receive(ordered(0, 0, 0, 0), Map.of(S, 6L, M, 15L, L, 12L, XL, 3L));
        assertThat(receipt.lines()).containsExactly(
                new Booked(S, 6, 6, 3, 0, 0), new Booked(M, 15, 15, 12, 0, 0),
                new Booked(L, 12, 12, 4, 0, 0), new Booked(XL, 3, 3, 0, 0, 0));
        assertThat(receipt.demandHeldNow()).isTrue();
        assertThat(receipt.complete()).isTrue();
        assertThat(receipt.outstandingUnits()).isZero();
    }

    @Test
    void aShortDeliveryReservesWhatCameAndTheShortfallStaysOpen() {
        // 10 of the 15 M came, and no XL: M covers 10 of its 12 missing units, so the demand is not held yet
        Receipt first = Receiving.receive(ordered(0, 0, 0, 0), Map.of(S, 6L, M, 10L, L, 12L));
        assertThat(first.lines()).containsExactly(
                new Booked(S, 6, 6, 3, 0, 0), new Booked(M, 10, 10, 10, 5, 0),
                new Booked(L, 12, 12, 4, 0, 0), new Booked(XL, 0, 0, 0, 3, 0));
        assertThat(first.demandHeld()).isFalse();
        assertThat(first.complete()).isFalse();
        assertThat(first.outstandingUnits()).isEqualTo(8);

        // the rest comes later: M's last 2 missing units are reserved, its 3 others and the XL are stock
        Receipt second = Receiving.receive(ordered(6, 10, 12, 0), Map.of(M, 5L, XL, 3L));
        assertThat(second.lines()).containsExactly(
                new Booked(S, 0, 6, 0, 0, 0), new Booked(M, 5, 15, 2, 0, 0),
                new Booked(L, 0, 12, 0, 0, 0), new Booked(XL, 3, 3, 0, 0, 0));
        assertThat(second.demandHeldNow()).isTrue();
        assertThat(second.complete()).isTrue();
    }

    @Test
    void theDemandCanBeHeldWhileTheExcessOfTheBundlesIsStillOwed() {
        // every missing unit came, the bundles' excess did not: the session goes on, the purchase order stays open
        Receipt receipt = Receiving.receive(ordered(0, 0, 0, 0), Map.of(S, 3L, M, 12L, L, 4L));
        assertThat(receipt.demandHeldNow()).isTrue();
        assertThat(receipt.complete()).isFalse();
        assertThat(receipt.outstandingUnits()).isEqualTo(3 + 3 + 8 + 3);

        Receipt later = Receiving.receive(ordered(3, 12, 4, 0), Map.of(L, 8L));
        assertThat(later.demandHeld()).isTrue();
        assertThat(later.demandHeldNow()).as("StockReserved was due once, with the first delivery").isFalse();
        assertThat(later.lines().get(2)).isEqualTo(new Booked(L, 8, 12, 0, 0, 0));
        assertThat(later.outstandingUnits()).isEqualTo(3 + 3 + 3);
    }

    @Test
    void anOverDeliveryIsBookedAndRecorded() {
        Receipt receipt = Receiving.receive(ordered(0, 0, 0, 0), Map.of(S, 8L, M, 15L, L, 12L, XL, 3L));
        assertThat(receipt.lines().getFirst()).isEqualTo(new Booked(S, 8, 8, 3, 0, 2));
        assertThat(receipt.complete()).isTrue();
        // over on a later delivery counts only what that delivery brought beyond the order
        Receipt later = Receiving.receive(ordered(7, 0, 0, 0), Map.of(S, 2L, M, 15L, L, 12L, XL, 3L));
        assertThat(later.lines().getFirst()).isEqualTo(new Booked(S, 2, 9, 0, 0, 2)); // 7 -> 9 of 6: 2 more over
    }

    @Test
    void aDeliveryMustCountSomethingOfThisOrder() {
        assertThatThrownBy(() -> Receiving.receive(ordered(0, 0, 0, 0), Map.of(S, 0L)))
                .isInstanceOf(Receiving.Refused.class).hasMessageContaining("no units");
        assertThatThrownBy(() -> Receiving.receive(ordered(0, 0, 0, 0), Map.of(UUID.randomUUID(), 1L)))
                .isInstanceOf(Receiving.Refused.class)
                .satisfies(e -> assertThat(((Receiving.Refused) e).type()).isEqualTo("variant-not-on-purchase-order"));
        assertThatThrownBy(() -> Receiving.receive(ordered(0, 0, 0, 0), Map.of(S, -1L)))
                .isInstanceOf(Receiving.Refused.class).hasMessageContaining("negative");
    }

    @Test
    void aCompleteOrderTakesNoMoreDeliveries() {
        assertThatThrownBy(() -> Receiving.receive(ordered(6, 15, 12, 3), Map.of(S, 1L)))
                .isInstanceOf(Receiving.Refused.class)
                .satisfies(e -> assertThat(((Receiving.Refused) e).type()).isEqualTo("purchase-order-already-received"));
        assertThat(Receiving.isComplete(ordered(6, 15, 12, 3))).isTrue();
        assertThat(Receiving.isComplete(ordered(6, 15, 12, 2))).isFalse();
    }
}
