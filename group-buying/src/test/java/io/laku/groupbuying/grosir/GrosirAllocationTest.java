package io.laku.groupbuying.grosir;

import static io.laku.groupbuying.grosir.PremiumHoodie.CONFIG;
import static io.laku.groupbuying.grosir.PremiumHoodie.L;
import static io.laku.groupbuying.grosir.PremiumHoodie.M;
import static io.laku.groupbuying.grosir.PremiumHoodie.S;
import static io.laku.groupbuying.grosir.PremiumHoodie.XL;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class GrosirAllocationTest {

    static final UUID A = UUID.fromString("00000000-0000-0000-0000-0000000000a1");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-0000000000b2");

    @Nested
    class SingleVariantProduct {

        final BundleConfig config = BundleConfig.of(new VariantBundle(A, "One size", 3, 5));

        @Test
        void aFreshSessionOpensOneBundlePlusWhatTheToleranceAbsorbs() {
            GrosirAllocation allocation = config.allocate(Map.of());

            // cap = floor((0 + 5) / 3) = 1
            assertThat(allocation.bundlesNeeded()).isZero();
            assertThat(allocation.bundlesAllowed()).isEqualTo(1);
            assertThat(allocation.variant(A).available()).isEqualTo(3);
        }

        @Test
        void eachFilledBundleOpensTheNextWhileTheToleranceCoversIt() {
            GrosirAllocation allocation = config.allocate(Map.of(A, 7L));

            // need = ceil(7 / 3) = 3, cap = floor(12 / 3) = 4
            assertThat(allocation.bundlesNeeded()).isEqualTo(3);
            assertThat(allocation.bundlesAllowed()).isEqualTo(4);
            assertThat(allocation.variant(A).maxAllowed()).isEqualTo(12);
            assertThat(allocation.variant(A).available()).isEqualTo(5);
            assertThat(allocation.variant(A).isLocked()).isFalse();
        }
    }

    @Nested
    class ZeroTolerance {

        final BundleConfig config = BundleConfig.of(new VariantBundle(A, "A", 2, 0), new VariantBundle(B, "B", 3, 0));

        @Test
        void theFirstBundleIsOpen() {
            GrosirAllocation allocation = config.allocate(Map.of());

            assertThat(allocation.bundlesAllowed()).isEqualTo(1);
            assertThat(allocation.variant(A).available()).isEqualTo(2);
            assertThat(allocation.variant(B).available()).isEqualTo(3);
        }

        @Test
        void aFullVariantIsLockedByTheVariantThatWouldBeLeftOver() {
            GrosirAllocation allocation = config.allocate(Map.of(A, 2L));

            // caps: A = floor(2 / 2) = 1, B = floor(0 / 3) = 0
            assertThat(allocation.bundlesAllowed()).isEqualTo(1);
            assertThat(allocation.variant(A).isLocked()).isTrue();
            assertThat(allocation.variant(A).constrainingVariant()).isEqualTo(B);
            assertThat(allocation.variant(B).available()).isEqualTo(3);
            assertThat(allocation.variant(B).constrainingVariant()).isNull();
        }

        @Test
        void aCompleteBundleStaysOneBundleAndATieNamesTheFirstVariant() {
            GrosirAllocation allocation = config.allocate(Map.of(A, 2L, B, 3L));

            // caps A = 1, B = 1: growing to 2 bundles would leave excess on both
            assertThat(allocation.bundlesAllowed()).isEqualTo(1);
            assertThat(allocation.variants()).allSatisfy(v -> {
                assertThat(v.isLocked()).isTrue();
                assertThat(v.constrainingVariant()).isEqualTo(A);
            });
        }
    }

    @Nested
    class ToleranceSmallerThanABundle {

        final BundleConfig config = BundleConfig.of(new VariantBundle(A, "A", 10, 5), new VariantBundle(B, "B", 2, 50));

        @Test
        void isWarnedAbout() {
            assertThat(config.toleranceWarnings()).extracting(VariantBundle::variantName).containsExactly("A");
            assertThat(CONFIG.toleranceWarnings()).isEmpty();
        }

        @Test
        void stillOpensTheFirstBundle() {
            GrosirAllocation allocation = config.allocate(Map.of());

            // caps: A = floor(5 / 10) = 0, B = 25; B = max(0, 1, 0) = 1
            assertThat(allocation.bundlesAllowed()).isEqualTo(1);
            assertThat(allocation.variant(A).available()).isEqualTo(10);
            assertThat(allocation.variant(B).available()).isEqualTo(2);
        }

        @Test
        void limitsTheSessionToThatOneBundle() {
            GrosirAllocation allocation = config.allocate(Map.of(A, 10L, B, 2L));

            // caps: A = floor(15 / 10) = 1, B = floor(52 / 2) = 26
            assertThat(allocation.bundlesNeeded()).isEqualTo(1);
            assertThat(allocation.bundlesAllowed()).isEqualTo(1);
            assertThat(allocation.variants()).allSatisfy(v -> {
                assertThat(v.available()).isZero();
                assertThat(v.constrainingVariant()).isEqualTo(A);
            });
        }
    }

    @Nested
    class ReleasedSeat {

        @Test
        void canBreakTheInvariantAndTheForcedBundlesStayFillable() {
            // 20/100/40/10 is within tolerance at N = 20 (S excess 40 - 20 = 20 <= 20) ...
            GrosirAllocation before = CONFIG.allocate(PremiumHoodie.orders(20, 100, 40, 10));
            assertThat(before.bundlesNeeded()).isEqualTo(20);
            assertThat(before.variants()).allSatisfy(v -> assertThat(excessAtN(v)).isLessThanOrEqualTo(v.warehouseTolerance()));

            // ... then the 20 S leave: M still forces 20 bundles, so S would be 40 over, past its tolerance of 20.
            GrosirAllocation after = CONFIG.allocate(PremiumHoodie.orders(0, 100, 40, 10));

            // caps S = floor(20 / 2) = 10, M = 30, L = 20, XL = 40; B = max(N = 20, 1, 10) = 20
            assertThat(after.bundlesNeeded()).isEqualTo(20);
            assertThat(excessAtN(after.variant(S))).isEqualTo(40);
            assertThat(after.bundlesAllowed()).isEqualTo(20);
            assertThat(after.variants()).extracting(VariantAvailability::cap).containsExactly(10L, 30L, 20L, 40L);
            assertThat(after.variants()).extracting(VariantAvailability::available).containsExactly(40L, 0L, 40L, 10L);
            assertThat(after.variant(M).isLocked()).isTrue();
            assertThat(after.variant(M).constrainingVariant()).isEqualTo(S);
        }

        /** {@code N * bundle[v] - orders[v]}: the units of v the factory would make beyond the orders. */
        private static long excessAtN(VariantAvailability v) {
            return v.bundlesNeeded() * v.unitsPerBundle() - v.totalOrdered();
        }

        @Test
        void newJoinsAreStillBoundedByTheForcedBundles() {
            GrosirAllocation after = CONFIG.allocate(PremiumHoodie.orders(0, 100, 40, 10));

            assertThat(after.checkJoin(M, 1)).isEqualTo(new JoinDecision.Rejected(M, "M", 1, 0));
            assertThat(after.checkJoin(S, 40)).isEqualTo(new JoinDecision.Accepted());
            assertThat(after.checkJoin(S, 41)).isEqualTo(new JoinDecision.Rejected(S, "S", 41, 40));
            assertThat(after.checkJoin(XL, 11)).isEqualTo(new JoinDecision.Rejected(XL, "XL", 11, 10));

            // refilling S restores the invariant at N = 20; caps become 30/30/20/40, so L now holds the session at 20
            GrosirAllocation refilled = CONFIG.allocate(PremiumHoodie.orders(40, 100, 40, 10));
            assertThat(refilled.bundlesAllowed()).isEqualTo(20);
            assertThat(refilled.variants()).extracting(VariantAvailability::available).containsExactly(0L, 0L, 40L, 10L);
            assertThat(refilled.variant(S).constrainingVariant()).isEqualTo(L);
        }
    }

    @Nested
    class Joins {

        @Test
        void acceptExactlyTheAvailableUnits() {
            GrosirAllocation allocation = CONFIG.allocate(PremiumHoodie.orders(0, 5, 0, 0));

            assertThat(allocation.checkJoin(M, 45).accepted()).isTrue();
            assertThat(allocation.checkJoin(M, 46)).isEqualTo(new JoinDecision.Rejected(M, "M", 46, 45));
        }

        @Test
        void rejectALockedVariantWithNothingAvailable() {
            GrosirAllocation allocation = CONFIG.allocate(PremiumHoodie.orders(0, 50, 0, 0));

            assertThat(allocation.checkJoin(M, 1)).isEqualTo(new JoinDecision.Rejected(M, "M", 1, 0));
            assertThat(allocation.checkJoin(L, 40).accepted()).isTrue();
        }

        @Test
        void rejectQuantitiesBelowOne() {
            GrosirAllocation allocation = CONFIG.allocate(Map.of());

            assertThatThrownBy(() -> allocation.checkJoin(M, 0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("quantity must be >= 1, was 0");
            assertThatThrownBy(() -> allocation.checkJoin(M, -3))
                    .isInstanceOf(IllegalArgumentException.class).hasMessage("quantity must be >= 1, was -3");
        }
    }

    @Nested
    class UnknownVariants {

        final UUID stranger = UUID.fromString("00000000-0000-0000-0000-0000000000ff");

        @Test
        void areNotInTheMatrix() {
            GrosirAllocation allocation = CONFIG.allocate(Map.of());

            assertThatThrownBy(() -> allocation.variant(stranger))
                    .isInstanceOf(UnknownVariantException.class)
                    .hasMessageContaining(stranger.toString());
            assertThatThrownBy(() -> allocation.checkJoin(stranger, 1)).isInstanceOf(UnknownVariantException.class);
        }

        @Test
        void cannotHoldOrders() {
            assertThatThrownBy(() -> CONFIG.allocate(Map.of(stranger, 1L))).isInstanceOf(UnknownVariantException.class);
        }
    }

    @Test
    void negativeOrdersAreRejected() {
        assertThatThrownBy(() -> CONFIG.allocate(Map.of(S, -1L))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void variantsMissingFromTheOrdersHaveOrderedNothing() {
        assertThat(CONFIG.allocate(Map.of(M, 5L)).variants())
                .extracting(VariantAvailability::available).containsExactly(20L, 45L, 40L, 10L);
    }
}
