package io.laku.groupbuying.join;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A customer's live unpaid units per session: the larger of 10 % of the MOQ and one bundle, unless the session set it. */
class UnpaidCapTest {

    @Test
    void tenPercentOfTheMoqWhenThatIsMoreThanOneBundle() {
        // Premium Hoodie session, MOQ 100: 10 units; variant M comes 5 to a bundle
        UnpaidCap cap = UnpaidCap.of(100, 10, 5, null);
        assertThat(cap.units()).isEqualTo(10);
        assertThat(cap.basis()).isEqualTo("10 % of the MOQ 100");
        assertThat(cap.allows(0, 10)).isTrue();
        assertThat(cap.allows(6, 4)).isTrue();
        assertThat(cap.allows(6, 5)).isFalse();
        assertThat(cap.allows(0, 11)).isFalse();
    }

    @Test
    void oneBundleWhenABundleIsMoreThanTenPercent() {
        // MOQ 100, a variant that comes 12 to a bundle: one bundle is always orderable
        UnpaidCap cap = UnpaidCap.of(100, 10, 12, null);
        assertThat(cap.units()).isEqualTo(12);
        assertThat(cap.basis()).isEqualTo("one bundle of the variant");
    }

    @Test
    void theShareRoundsUpAndIsNeverZero() {
        assertThat(UnpaidCap.of(15, 10, null, null).units()).isEqualTo(2);
        assertThat(UnpaidCap.of(2, 10, null, null).units()).isEqualTo(1);
        assertThat(UnpaidCap.of(100, 25, 1, null).units()).isEqualTo(25);
    }

    @Test
    void aSessionsOwnCapWins() {
        UnpaidCap cap = UnpaidCap.of(100, 10, 5, 60);
        assertThat(cap.units()).isEqualTo(60);
        assertThat(cap.allows(10, 50)).isTrue();
        assertThat(cap.allows(10, 51)).isFalse();
    }
}
