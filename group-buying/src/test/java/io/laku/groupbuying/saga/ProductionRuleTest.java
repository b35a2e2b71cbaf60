package io.laku.groupbuying.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.groupbuying.saga.ProductionRule.Progress;
import io.laku.groupbuying.session.SessionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProductionRuleTest {

    private static final Instant DONE = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void theFactoryCompletesOnceStockIsReservedAndOrdersExist() {
        assertThat(ProductionRule.factoryMayComplete(new Progress(SessionStatus.MOQ_REACHED, false, 3, null))).isEmpty();
    }

    @Test
    void theFactoryWaitsForTheStock() {
        assertThat(ProductionRule.factoryMayComplete(new Progress(SessionStatus.PENDING_STOCK, false, null, null)))
                .get().extracting(ProductionRule.Refusal::type).isEqualTo("stock-not-reserved");
        assertThat(ProductionRule.factoryMayComplete(new Progress(SessionStatus.FORMING, null, null, null)))
                .get().extracting(ProductionRule.Refusal::type).isEqualTo("stock-not-reserved");
    }

    @Test
    void theFactoryWaitsForTheOrders() {
        assertThat(ProductionRule.factoryMayComplete(new Progress(SessionStatus.MOQ_REACHED, false, null, null)))
                .get().extracting(ProductionRule.Refusal::type).isEqualTo("orders-not-created");
    }

    @Test
    void productionCompletesOnce() {
        assertThat(ProductionRule.factoryMayComplete(new Progress(SessionStatus.MOQ_REACHED, true, 3, DONE)))
                .get().extracting(ProductionRule.Refusal::type).isEqualTo("production-already-complete");
        assertThat(ProductionRule.impliedByStock(new Progress(SessionStatus.MOQ_REACHED, true, 3, DONE))).isFalse();
    }

    @Test
    void stockOnHandImpliesProductionOnlyOnceOrdersExist() {
        assertThat(ProductionRule.impliedByStock(new Progress(SessionStatus.MOQ_REACHED, true, null, null))).isFalse();
        assertThat(ProductionRule.impliedByStock(new Progress(SessionStatus.MOQ_REACHED, true, 3, null))).isTrue();
        assertThat(ProductionRule.impliedByStock(new Progress(SessionStatus.MOQ_REACHED, false, 3, null))).isFalse();
        assertThat(ProductionRule.impliedByStock(new Progress(SessionStatus.CONFIRMED, null, 3, null))).isFalse();
    }
}
