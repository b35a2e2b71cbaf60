package io.laku.seller.accounts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** SPEC §8: register -> pending_verification; admin verify -> active; suspend -> suspended (no new sales). */
class SellerStatusTest {

    @Test
    void aNewSellerSellsOnlyOnceVerified() {
        assertThat(SellerStatus.PENDING_VERIFICATION.sells()).isFalse();
        assertThat(SellerStatus.PENDING_VERIFICATION.verify()).isEqualTo(SellerStatus.ACTIVE);
        assertThat(SellerStatus.ACTIVE.sells()).isTrue();
    }

    @Test
    void aSuspendedSellerSellsNothingAndListsNothingUntilReinstated() {
        SellerStatus suspended = SellerStatus.ACTIVE.suspend();
        assertThat(suspended).isEqualTo(SellerStatus.SUSPENDED);
        assertThat(suspended.sells()).isFalse();
        assertThat(suspended.mayList()).isFalse();
        assertThat(SellerStatus.PENDING_VERIFICATION.mayList()).isTrue();
        assertThat(suspended.verify()).isEqualTo(SellerStatus.ACTIVE);
    }

    @Test
    void nothingHappensTwice() {
        assertThatThrownBy(SellerStatus.ACTIVE::verify).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(SellerStatus.SUSPENDED::suspend).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void thePlatformFeeIsFiveHundredBasisPointsUnlessTheAdminSaysOtherwise() {
        assertThat(PlatformFee.bps(null, 500)).isEqualTo(500);
        assertThat(PlatformFee.bps(250, 500)).isEqualTo(250);
        assertThat(PlatformFee.bps(0, 500)).isZero();
        assertThatThrownBy(() -> PlatformFee.bps(10_001, 500)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PlatformFee.bps(-1, 500)).isInstanceOf(IllegalArgumentException.class);
    }
}
