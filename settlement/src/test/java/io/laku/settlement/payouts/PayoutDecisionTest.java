package io.laku.settlement.payouts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.settlement.payouts.PayoutDecision.Pay;
import io.laku.settlement.payouts.PayoutDecision.Skip;
import io.laku.settlement.payouts.PayoutDecision.Skipped;
import org.junit.jupiter.api.Test;

/** SPEC §8: a payout run pays every balance above a minimum, one payout per payee, never twice. */
class PayoutDecisionTest {

    @Test
    void aBalanceAtTheMinimumIsPaidInFull() {
        assertThat(PayoutDecision.decide(437_000, 10_000, true, false)).isEqualTo(new Pay(437_000));
        assertThat(PayoutDecision.decide(10_000, 10_000, true, false)).isEqualTo(new Pay(10_000));
    }

    @Test
    void belowTheMinimumItWaits() {
        assertThat(PayoutDecision.decide(9_999, 10_000, true, false)).isEqualTo(new Skipped(Skip.BELOW_MINIMUM));
        assertThat(PayoutDecision.decide(0, 1, true, false)).isEqualTo(new Skipped(Skip.BELOW_MINIMUM));
    }

    @Test
    void aPayoutInFlightIsNotMadeAgain() {
        assertThat(PayoutDecision.decide(437_000, 10_000, true, true)).isEqualTo(new Skipped(Skip.PAYOUT_IN_FLIGHT));
    }

    @Test
    void withoutABankAccountNothingCanBePaid() {
        assertThat(PayoutDecision.decide(6_750_000, 10_000, false, false)).isEqualTo(new Skipped(Skip.NO_BANK_ACCOUNT));
    }

    @Test
    void theMinimumIsAtLeastOneRupiah() {
        assertThatThrownBy(() -> PayoutDecision.decide(1, 0, true, false)).isInstanceOf(IllegalArgumentException.class);
    }
}
