package io.laku.order.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.order.store.CheckoutSplit.Line;
import io.laku.order.store.CheckoutSplit.Offer;
import io.laku.order.store.CheckoutSplit.Store;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** SPEC §8: one checkout, one order per seller, each line at the seller's price; only active sellers sell. */
class CheckoutSplitTest {

    private static final UUID SELLER_A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    private static final UUID SELLER_B = UUID.fromString("00000000-0000-0000-0000-0000000000b1");
    private static final UUID PRODUCT = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
    private static final UUID A_M = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID A_L = UUID.fromString("00000000-0000-0000-0000-000000000002");
    private static final UUID B_ONE = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private static final Map<UUID, Offer> OFFERS = Map.of(
            A_M, new Offer(A_M, PRODUCT, "Hoodie", "M", SELLER_A, 150_000),
            A_L, new Offer(A_L, PRODUCT, "Hoodie", "L", SELLER_A, 160_000),
            B_ONE, new Offer(B_ONE, UUID.randomUUID(), "Tote", "One size", SELLER_B, 75_000));

    @Test
    void twoPlusOneUnitsFromOneSellerAndOneFromAnotherMakeTwoOrders() {
        var orders = CheckoutSplit.split(List.of(new Line(A_M, 2), new Line(B_ONE, 1), new Line(A_L, 1)), OFFERS,
                Map.of(SELLER_A, new Store(SELLER_A, UUID.randomUUID(), true), SELLER_B, new Store(SELLER_B, UUID.randomUUID(), true)));
        assertThat(orders).hasSize(2);
        assertThat(orders.get(0).store().sellerId()).isEqualTo(SELLER_A);
        assertThat(orders.get(0).lines()).extracting(l -> l.offer().variantId(), CheckoutSplit.OrderLine::quantity,
                CheckoutSplit.OrderLine::total).containsExactly(
                org.assertj.core.groups.Tuple.tuple(A_M, 2L, 300_000L), org.assertj.core.groups.Tuple.tuple(A_L, 1L, 160_000L));
        assertThat(orders.get(0).total()).isEqualTo(460_000);
        assertThat(orders.get(1).store().sellerId()).isEqualTo(SELLER_B);
        assertThat(orders.get(1).total()).isEqualTo(75_000);
    }

    @Test
    void aSuspendedSellersProductCannotBeBoughtAndNothingIsOrdered() {
        assertThatThrownBy(() -> CheckoutSplit.split(List.of(new Line(A_M, 1), new Line(B_ONE, 1)), OFFERS,
                Map.of(SELLER_A, new Store(SELLER_A, UUID.randomUUID(), true), SELLER_B, new Store(SELLER_B, UUID.randomUUID(), false))))
                .isInstanceOfSatisfying(CheckoutRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(CheckoutRefused.Reason.SELLER_NOT_ACTIVE);
                    assertThat(e.line()).isEqualTo(1);
                    assertThat(e.sellerId()).isEqualTo(SELLER_B);
                });
    }

    @Test
    void anUnknownVariantOrOneNamedTwiceIsRefused() {
        Map<UUID, Store> stores = Map.of(SELLER_A, new Store(SELLER_A, UUID.randomUUID(), true));
        assertThatThrownBy(() -> CheckoutSplit.split(List.of(new Line(UUID.randomUUID(), 1)), OFFERS, stores))
                .isInstanceOfSatisfying(CheckoutRefused.class, e -> assertThat(e.reason()).isEqualTo(CheckoutRefused.Reason.NOT_ON_SALE));
        assertThatThrownBy(() -> CheckoutSplit.split(List.of(new Line(A_M, 1), new Line(A_M, 2)), OFFERS, stores))
                .isInstanceOfSatisfying(CheckoutRefused.class, e -> {
                    assertThat(e.reason()).isEqualTo(CheckoutRefused.Reason.DUPLICATE_VARIANT);
                    assertThat(e.line()).isEqualTo(1);
                });
    }
}
