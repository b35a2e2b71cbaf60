package io.laku.settlement.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SPEC §8: each shipped order credits its seller with total - fee, fee = floor(total * feeBps / 10000). */
class SaleFeeTest {

    @Test
    void theDefaultFeeIsFivePercent() {
        SaleFee sale = SaleFee.of(460_000, 500);
        assertThat(sale.fee()).isEqualTo(23_000);
        assertThat(sale.net()).isEqualTo(437_000);
    }

    @Test
    void theFeeIsRoundedDownToWholeRupiah() {
        SaleFee sale = SaleFee.of(199_999, 500); // 9,999.95
        assertThat(sale.fee()).isEqualTo(9_999);
        assertThat(sale.net()).isEqualTo(190_000);
        assertThat(SaleFee.of(19, 500).fee()).isZero();
        assertThat(SaleFee.of(75_000, 250).fee()).isEqualTo(1_875);
    }

    @Test
    void noFeeAndAllFee() {
        assertThat(SaleFee.of(75_000, 0).net()).isEqualTo(75_000);
        assertThat(SaleFee.of(75_000, 10_000).net()).isZero();
    }

    @Test
    void nothingOutsideTheRules() {
        assertThatThrownBy(() -> SaleFee.of(0, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaleFee.of(100, 10_001)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SaleFee.of(Long.MAX_VALUE, 500)).isInstanceOf(ArithmeticException.class);
    }
}
