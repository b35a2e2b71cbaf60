package io.laku.groupbuying.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.groupbuying.saga.ProductionRule.Decision;
import io.laku.groupbuying.saga.ProductionRule.Progress;
import io.laku.groupbuying.session.SessionStatus;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** SPEC §5.6: production done is the factory's fact, taken in whatever order it comes, once. */
class ProductionRuleTest {

    private static final Instant DONE = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void theFactoryMayCompleteAsSoonAsTheSessionIsConfirmed() {
        assertThat(ProductionRule.factoryCompletes(new Progress(SessionStatus.CONFIRMED, null, null, null)))
                .isEqualTo(new Decision.Record());
        // before the goods are received: the release waits for them (orders follow the stock) anyway
        assertThat(ProductionRule.factoryCompletes(new Progress(SessionStatus.PENDING_STOCK, false, null, null)))
                .isEqualTo(new Decision.Record());
        // the orders exist in the order service but group-buying has not heard yet: not refused either
        assertThat(ProductionRule.factoryCompletes(new Progress(SessionStatus.MOQ_REACHED, false, null, null)))
                .isEqualTo(new Decision.Record());
        assertThat(ProductionRule.factoryCompletes(new Progress(SessionStatus.MOQ_REACHED, false, 3, null)))
                .isEqualTo(new Decision.Record());
    }

    @Test
    void aSessionThatIsNotConfirmedHasNothingToProduce() {
        for (SessionStatus status : new SessionStatus[] {SessionStatus.FORMING, SessionStatus.FAILED,
                SessionStatus.CANCELLED}) {
            assertThat(ProductionRule.factoryCompletes(new Progress(status, null, null, null)))
                    .as(status.code()).isInstanceOf(Decision.Refused.class)
                    .extracting(d -> ((Decision.Refused) d).type()).isEqualTo("session-not-confirmed");
        }
    }

    @Test
    void productionIsRecordedOnceAndARepeatGetsTheSameAnswer() {
        assertThat(ProductionRule.factoryCompletes(new Progress(SessionStatus.PENDING_STOCK, false, null, DONE)))
                .isEqualTo(new Decision.AlreadyRecorded(DONE));
        // implied by stock on hand, or already released: the fact is there
        assertThat(ProductionRule.factoryCompletes(new Progress(SessionStatus.MOQ_REACHED, true, 3, DONE)))
                .isEqualTo(new Decision.AlreadyRecorded(DONE));
        assertThat(ProductionRule.factoryCompletes(new Progress(SessionStatus.SUCCESS, true, 3, DONE)))
                .isEqualTo(new Decision.AlreadyRecorded(DONE));
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
