package io.laku.warehouse.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.warehouse.fulfilment.FulfilmentPlan.PurchaseOrderPlan;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Premium Hoodie: bundle S2 M5 L4 XL1 (SPEC §3's example). */
class FulfilmentPlanTest {

    private static final UUID S = UUID.randomUUID();
    private static final UUID M = UUID.randomUUID();
    private static final UUID L = UUID.randomUUID();
    private static final UUID XL = UUID.randomUUID();

    @Test
    void allOnHandIsReservedAndNothingIsOrdered() {
        var plan = FulfilmentPlan.of(hoodie(10, 15, 20, 0), Map.of(S, 30L, M, 30L, L, 30L));

        assertThat(plan.fromStockOnHand()).isTrue();
        assertThat(plan.reserveNow()).containsEntry(S, 10L).containsEntry(M, 15L).containsEntry(L, 20L).containsEntry(XL, 0L);
    }

    @Test
    void withNoStockTheFactoryShipsTheBundlesTheNeediestVariantForces() {
        // need S ceil(3/2)=2, M ceil(12/5)=3, L 0, XL ceil(1/1)=1 -> 3 bundles
        var plan = FulfilmentPlan.of(hoodie(3, 12, 0, 1), Map.of());

        PurchaseOrderPlan po = plan.purchaseOrder().orElseThrow();
        assertThat(po.bundles()).isEqualTo(3);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::orderedUnits).containsExactly(6L, 15L, 12L, 3L);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::excessUnits).containsExactly(3L, 3L, 12L, 2L);
        assertThat(plan.reserveNow().values()).allMatch(units -> units == 0);
    }

    @Test
    void theSpecsBalancedSessionNeedsTenBundlesWithNoExcess() {
        var po = FulfilmentPlan.of(hoodie(20, 50, 40, 10), Map.of()).purchaseOrder().orElseThrow();

        assertThat(po.bundles()).isEqualTo(10);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::excessUnits).containsOnly(0L);
    }

    @Test
    void stockOnHandIsReservedFirstAndOnlyTheMissingUnitsAreOrdered() {
        // M: 12 wanted, 10 on hand -> 2 missing -> 1 bundle; S: 3 wanted, 5 on hand -> none missing
        var plan = FulfilmentPlan.of(hoodie(3, 12, 0, 0), Map.of(S, 5L, M, 10L));

        assertThat(plan.reserveNow()).containsEntry(S, 3L).containsEntry(M, 10L);
        PurchaseOrderPlan po = plan.purchaseOrder().orElseThrow();
        assertThat(po.bundles()).isEqualTo(1);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::missingUnits).containsExactly(0L, 2L, 0L, 0L);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::orderedUnits).containsExactly(2L, 5L, 4L, 1L);
    }

    @Test
    void withoutBundleCompositionExactlyTheMissingUnitsAreOrdered() {
        UUID only = UUID.randomUUID();
        var plan = FulfilmentPlan.of(new Demand(List.of(new Demand.Line(only, 7, null))), Map.of(only, 4L));

        assertThat(plan.reserveNow()).containsEntry(only, 4L);
        assertThat(plan.purchaseOrder().orElseThrow().lines()).singleElement()
                .satisfies(line -> assertThat(line.orderedUnits()).isEqualTo(3L));
    }

    @Test
    void theBriefsExampleOrdersThreeBundlesAndLeavesTheExcessAvailable() {
        // S:2 M:5 L:4 per bundle, demand S 3, M 12, L 4 -> max(2, 3, 1) = 3 bundles -> 6, 15, 12
        Demand demand = new Demand(List.of(new Demand.Line(S, 3, 2), new Demand.Line(M, 12, 5), new Demand.Line(L, 4, 4)));

        PurchaseOrderPlan po = FulfilmentPlan.of(demand, Map.of()).purchaseOrder().orElseThrow();

        assertThat(po.bundles()).isEqualTo(3);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::orderedUnits).containsExactly(6L, 15L, 12L);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::excessUnits).containsExactly(3L, 3L, 8L);
    }

    @Test
    void partialStockShrinksTheOrder() {
        // same demand, 5 M on hand: M misses 7 -> ceil(7/5) = 2; S ceil(3/2) = 2; L 1 -> 2 bundles
        Demand demand = new Demand(List.of(new Demand.Line(S, 3, 2), new Demand.Line(M, 12, 5), new Demand.Line(L, 4, 4)));

        var plan = FulfilmentPlan.of(demand, Map.of(M, 5L));

        assertThat(plan.reserveNow()).containsEntry(S, 0L).containsEntry(M, 5L).containsEntry(L, 0L);
        PurchaseOrderPlan po = plan.purchaseOrder().orElseThrow();
        assertThat(po.bundles()).isEqualTo(2);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::missingUnits).containsExactly(3L, 7L, 4L);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::orderedUnits).containsExactly(4L, 10L, 8L);
    }

    @Test
    void reservedUnitsAreNotAvailableToAnotherSession() {
        // the caller passes what is available (on hand - reserved): 0 available means everything is ordered
        var plan = FulfilmentPlan.of(new Demand(List.of(new Demand.Line(S, 2, 2))), Map.of(S, 0L));

        assertThat(plan.reserveNow()).containsEntry(S, 0L);
        assertThat(plan.purchaseOrder().orElseThrow().bundles()).isEqualTo(1);
    }

    @Test
    void anEmptyDemandIsFulfilledFromStockWithNothingReserved() {
        var plan = FulfilmentPlan.of(new Demand(List.of()), Map.of());

        assertThat(plan.fromStockOnHand()).isTrue();
        assertThat(plan.reserveNow()).isEmpty();
    }

    @Test
    void theProductsOtherBundledVariantsComeWithTheBundle() {
        // the session ordered only M; a bundle still holds S2 L4 XL1
        Demand demand = new Demand(List.of(new Demand.Line(M, 12, 5)))
                .withBundleMates(List.of(new Demand.Line(S, 0, 2), new Demand.Line(M, 0, 5), new Demand.Line(L, 0, 4),
                        new Demand.Line(XL, 0, 1)));

        PurchaseOrderPlan po = FulfilmentPlan.of(demand, Map.of()).purchaseOrder().orElseThrow();

        assertThat(po.bundles()).isEqualTo(3);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::variantId).containsExactly(M, S, L, XL);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::missingUnits).containsExactly(12L, 0L, 0L, 0L);
        assertThat(po.lines()).extracting(PurchaseOrderPlan.Line::orderedUnits).containsExactly(15L, 6L, 12L, 3L);
    }

    @Test
    void withoutBundleCompositionNoOtherVariantJoins() {
        UUID only = UUID.randomUUID();
        Demand demand = new Demand(List.of(new Demand.Line(only, 7, null)))
                .withBundleMates(List.of(new Demand.Line(S, 0, 2)));

        assertThat(demand.lines()).extracting(Demand.Line::variantId).containsExactly(only);
    }

    @Test
    void aNegativeDemandIsRefused() {
        assertThatThrownBy(() -> new Demand.Line(S, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Demand hoodie(long s, long m, long l, long xl) {
        return new Demand(List.of(new Demand.Line(S, s, 2), new Demand.Line(M, m, 5), new Demand.Line(L, l, 4),
                new Demand.Line(XL, xl, 1)));
    }
}
