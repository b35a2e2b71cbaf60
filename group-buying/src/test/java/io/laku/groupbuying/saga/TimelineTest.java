package io.laku.groupbuying.saga;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.groupbuying.saga.Timeline.Entry;
import io.laku.groupbuying.saga.Timeline.Step;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class TimelineTest {

    private static final Instant T0 = Instant.parse("2026-11-24T10:00:00Z");

    private static Instant at(int seconds) {
        return T0.plusSeconds(seconds);
    }

    @Test
    void foldsRefundsIntoOneEntryCountingIssuedOverDue() {
        List<Entry> timeline = Timeline.of(List.of(
                new Step("confirmed", at(0), "tier 75 %", 0),
                new Step(Timeline.REFUND_ISSUED, at(2), "to A", 500_000),
                new Step(Timeline.REFUND_ISSUED, at(3), "to B", 750_000),
                new Step("stock_reserved", at(1), "45 units", 0),
                new Step(Timeline.REFUND_ISSUED, at(4), "to C", 1_000_000)), 3);

        assertThat(timeline).containsExactly(
                new Entry("confirmed", at(0), "tier 75 %"),
                new Entry("stock_reserved", at(1), "45 units"),
                new Entry(Timeline.REFUNDS_ISSUED, at(4), "3/3 refunds issued, Rp 2.250.000 in all"));
    }

    @Test
    void refundsStillDueWaitAtTheEndWithoutATime() {
        List<Entry> timeline = Timeline.of(List.of(
                new Step("confirmed", at(0), "tier 50 %", 0),
                new Step(Timeline.REFUND_ISSUED, at(2), "to A", 100_000),
                new Step("stock_reserved", at(5), "10 units", 0)), 2);

        assertThat(timeline).last().isEqualTo(new Entry(Timeline.REFUNDS_ISSUED, null, "1/2 refunds issued, Rp 100.000 in all"));
        assertThat(timeline).extracting(Entry::step).containsExactly("confirmed", "stock_reserved", Timeline.REFUNDS_ISSUED);
    }

    @Test
    void noRefundEntryWhenNoneWasDueOrIssued() {
        assertThat(Timeline.of(List.of(new Step("confirmed", at(0), "tier 100 %", 0)), 0))
                .containsExactly(new Entry("confirmed", at(0), "tier 100 %"));
        assertThat(Timeline.of(List.of(), null)).isEmpty();
    }
}
