package io.laku.platform.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PurgeRuleTest {

    @Test
    void deletesTheOldestRowsPastTheRetentionInBoundedBatches() {
        assertThat(PurgeRule.olderThan("inbox_event", "processed_at", Duration.ofDays(45)).deleteBatch(5000))
                .isEqualTo("delete from inbox_event where ctid in (select ctid from inbox_event where processed_at"
                        + " < now() - make_interval(secs => $1) order by processed_at limit 5000)");
    }

    @Test
    void aConditionNarrowsWhatMayGo() {
        assertThat(new PurgeRule("outbox_event", "created_at", Duration.ofMinutes(10), "exists (select 1)").deleteBatch(10))
                .contains("created_at < now() - make_interval(secs => $1) and (exists (select 1)) order by created_at");
    }

    @Test
    void aRetentionIsPositive() {
        assertThatThrownBy(() -> PurgeRule.olderThan("t", "c", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
