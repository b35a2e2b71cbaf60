package io.laku.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SessionProgressTest {

    static final UUID SESSION = id(0x5E);
    static final UUID PRODUCT = id(0x9D);
    static final UUID FACTORY = id(0xFA);
    static final UUID M = id(0x0B);
    static final UUID S = id(0x0A);
    static final Instant NOW = Instant.parse("2026-11-24T03:15:00Z");

    // The seed's Test 2: 200,000 paid upfront, tier 25 at 150,000; 10, 15 and 20 units
    static final SettledParticipant A = seat(1, M, "M", 10, 200_000, 150_000, 500_000);
    static final SettledParticipant B = seat(2, M, "M", 15, 200_000, 150_000, 750_000);
    static final SettledParticipant C = seat(3, S, "S", 20, 200_000, 150_000, 1_000_000);
    static final Settlement SETTLEMENT = new Settlement(SESSION, PRODUCT, FACTORY, 25, 150_000, List.of(A, B, C));
    static final ProductNames HOODIE = new ProductNames("Premium Hoodie", Map.of(M, "Medium", S, "Small"));

    @Test
    void bothFactsMakeOneOrderPerRealParticipantWithTheSeedsNumbers() {
        SessionProgress progress = new SessionProgress(SETTLEMENT, true, false, false);

        List<OrderDraft> orders = progress.orders(HOODIE, NOW, ids(0x01, 0x02, 0x03));

        assertThat(orders).extracting(OrderDraft::item).containsExactly(
                new ProductSnapshot(PRODUCT, "Premium Hoodie", M, "Medium", 10, 200_000, 150_000, 500_000, 1_500_000),
                new ProductSnapshot(PRODUCT, "Premium Hoodie", M, "Medium", 15, 200_000, 150_000, 750_000, 2_250_000),
                new ProductSnapshot(PRODUCT, "Premium Hoodie", S, "Small", 20, 200_000, 150_000, 1_000_000, 3_000_000));
        assertThat(orders).extracting(OrderDraft::participantId)
                .containsExactly(A.participantId(), B.participantId(), C.participantId());
        assertThat(orders).extracting(OrderDraft::userId).containsExactly(A.userId(), B.userId(), C.userId());
        assertThat(orders).extracting(OrderDraft::orderId).containsExactly(prefixed(0x01), prefixed(0x02), prefixed(0x03));
        assertThat(orders).allSatisfy(order -> {
            assertThat(order.sessionId()).isEqualTo(SESSION);
            assertThat(order.factoryId()).isEqualTo(FACTORY);
            assertThat(order.status()).isEqualTo(OrderStatus.CREATED);
            assertThat(order.createdAt()).isEqualTo(NOW);
            assertThat(order.orderNumber()).isEqualTo(OrderNumber.of(NOW, order.orderId()));
        });
    }

    @Test
    void noOrdersUntilBothTheSettlementAndTheStockAreKnown() {
        assertThat(new SessionProgress(null, false, false, false).readyForOrders()).isFalse();
        assertThat(new SessionProgress(SETTLEMENT, false, false, false).readyForOrders()).isFalse();
        assertThat(new SessionProgress(null, true, false, false).readyForOrders()).isFalse();
        assertThat(new SessionProgress(null, true, true, false).orders(HOODIE, NOW, ids(1))).isEmpty();
        assertThat(new SessionProgress(SETTLEMENT, false, true, false).orders(HOODIE, NOW, ids(1))).isEmpty();
        assertThat(new SessionProgress(SETTLEMENT, true, false, false).readyForOrders()).isTrue();
    }

    @Test
    void ordersAreMadeOnlyOnce() {
        SessionProgress done = new SessionProgress(SETTLEMENT, true, false, true);
        assertThat(done.readyForOrders()).isFalse();
        assertThat(done.orders(HOODIE, NOW, ids(1, 2, 3))).isEmpty();
    }

    @Test
    void ordersMadeAfterProductionCompletedAreReadyToShip() {
        SessionProgress progress = new SessionProgress(SETTLEMENT, true, true, false);
        assertThat(progress.initialStatus()).isEqualTo(OrderStatus.READY_TO_SHIP);
        assertThat(progress.orders(HOODIE, NOW, ids(1, 2, 3))).extracting(OrderDraft::status)
                .containsOnly(OrderStatus.READY_TO_SHIP);
    }

    @Test
    void aSessionWithOnlyTheBotsUnitsLeftHasNoOrders() {
        Settlement nobody = new Settlement(SESSION, PRODUCT, FACTORY, 25, 150_000, List.of());
        assertThat(new SessionProgress(nobody, true, false, false).orders(HOODIE, NOW, ids())).isEmpty();
    }

    @Test
    void namesFallBackToTheDemandsVariantNameThenToTheIds() {
        UUID xl = id(0x0D);
        SettledParticipant noName = seat(4, xl, null, 1, 200_000, 150_000, 50_000);
        Settlement settlement = new Settlement(SESSION, PRODUCT, FACTORY, 25, 150_000, List.of(A, noName));

        List<OrderDraft> orders = new SessionProgress(settlement, true, false, false)
                .orders(ProductNames.UNKNOWN, NOW, ids(1, 2));

        assertThat(orders.get(0).item().productName()).isEqualTo(PRODUCT.toString());
        assertThat(orders.get(0).item().variantName()).isEqualTo("M");
        assertThat(orders.get(1).item().variantName()).isEqualTo(xl.toString());
        // the configured name wins over the demand's
        assertThat(SessionProgress.snapshot(PRODUCT, A, HOODIE).variantName()).isEqualTo("Medium");
        assertThat(SessionProgress.snapshot(PRODUCT, A, new ProductNames("  ", Map.of())).productName())
                .isEqualTo(PRODUCT.toString());
    }

    @Test
    void theTotalIsTheFinalUnitPriceTimesTheQuantityAndTheRefundIsTheOneGroupBuyingOwes() {
        SettledParticipant seat = seat(5, M, "M", 7, 200_000, 150_000, 350_000);
        ProductSnapshot item = SessionProgress.snapshot(PRODUCT, seat, HOODIE);
        assertThat(item.total()).isEqualTo(1_050_000);
        assertThat(item.refund()).isEqualTo(350_000);
        assertThat(item.paidUnitPrice() * item.quantity()).isEqualTo(item.total() + item.refund());
    }

    @Test
    void aTotalThatWouldOverflowIsRefused() {
        SettledParticipant huge = new SettledParticipant(id(9), id(19), M, "M", Long.MAX_VALUE / 2, 3, 3, 0);
        assertThatThrownBy(() -> SessionProgress.snapshot(PRODUCT, huge, HOODIE)).isInstanceOf(ArithmeticException.class);
    }

    @Test
    void aSettlementThatCannotBeAnOrderIsRefused() {
        assertThatThrownBy(() -> new SettledParticipant(id(1), id(2), M, "M", 0, 200_000, 150_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quantity");
        assertThatThrownBy(() -> new SettledParticipant(id(1), id(2), M, "M", 1, 100_000, 150_000, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("paid unit price");
        assertThatThrownBy(() -> new SettledParticipant(id(1), id(2), M, "M", 1, 200_000, 150_000, -1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("refund");
    }

    static SettledParticipant seat(int n, UUID variant, String variantName, long quantity, long paid, long fin,
            long refund) {
        return new SettledParticipant(id(0x100 + n), id(0x200 + n), variant, variantName, quantity, paid, fin, refund);
    }

    static UUID id(int n) {
        return new UUID(0, n);
    }

    /** An order id whose top bits (hence its number's suffix) are n. */
    static UUID prefixed(int n) {
        return new UUID((long) n << 34, 0x42);
    }

    static Supplier<UUID> ids(int... prefixes) {
        Iterator<Integer> next = java.util.Arrays.stream(prefixes).iterator();
        return () -> prefixed(next.next());
    }
}
