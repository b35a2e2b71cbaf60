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
    void aNegativeDemandIsRefused() {
        assertThatThrownBy(() -> new Demand.Line(S, -1, 2)).isInstanceOf(IllegalArgumentException.class);
    }

    private static Demand hoodie(long s, long m, long l, long xl) {
        return new Demand(List.of(new Demand.Line(S, s, 2), new Demand.Line(M, m, 5), new Demand.Line(L, l, 4),
                new Demand.Line(XL, xl, 1)));
    }
}
