package io.laku.groupbuying.grosir;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Random products and random join sequences, each join applied only when the rule accepts it: the SPEC §3 invariant
 * (whenever N >= 2, for every v: N * bundle[v] - orders[v] <= tolerance[v]) holds after every step, and no variant
 * ever goes past the allowance in force when its join commits.
 */
class GrosirInvariantTest {

    record Join(int variantIndex, int quantity) {
    }

    /** A join, or (for the second property) a leave of an earlier accepted seat. */
    record Step(boolean leave, int index, int quantity) {
    }

    @Property(tries = 2000)
    void acceptedJoinsKeepTheInvariant(@ForAll("configs") BundleConfig config, @ForAll("joins") List<Join> joins) {
        Map<UUID, Long> orders = new HashMap<>();
        for (Join join : joins) {
            VariantBundle variant = config.variants().get(join.variantIndex() % config.variants().size());
            GrosirAllocation before = config.allocate(orders);
            VariantAvailability availability = before.variant(variant.variantId());

            JoinDecision decision = before.checkJoin(variant.variantId(), join.quantity());

            assertThat(decision.accepted()).isEqualTo(join.quantity() <= availability.available());
            if (decision.accepted()) {
                long ordered = orders.merge(variant.variantId(), (long) join.quantity(), Long::sum);
                assertThat(ordered).isLessThanOrEqualTo(availability.maxAllowed());
            } else {
                assertThat(decision).isEqualTo(new JoinDecision.Rejected(variant.variantId(), variant.variantName(),
                        join.quantity(), availability.available()));
            }
            assertInvariant(config, orders);
        }
    }

    @Property(tries = 1000)
    void withLeavesTheFirstBundleAndTheForcedBundlesStayOpen(@ForAll("configs") BundleConfig config,
                                                             @ForAll("steps") List<Step> steps) {
        Map<UUID, Long> orders = new HashMap<>();
        List<Join> seats = new ArrayList<>();
        for (Step step : steps) {
            if (step.leave() && !seats.isEmpty()) {
                Join seat = seats.remove(step.index() % seats.size());
                UUID variantId = config.variants().get(seat.variantIndex()).variantId();
                orders.merge(variantId, (long) -seat.quantity(), Long::sum);
            } else {
                int variantIndex = step.index() % config.variants().size();
                UUID variantId = config.variants().get(variantIndex).variantId();
                if (config.allocate(orders).checkJoin(variantId, step.quantity()).accepted()) {
                    orders.merge(variantId, (long) step.quantity(), Long::sum);
                    seats.add(new Join(variantIndex, step.quantity()));
                }
            }
            GrosirAllocation allocation = config.allocate(orders);
            assertThat(allocation.bundlesAllowed()).isGreaterThanOrEqualTo(Math.max(1, allocation.bundlesNeeded()));
            for (VariantAvailability v : allocation.variants()) {
                assertThat(v.totalOrdered()).isLessThanOrEqualTo(v.maxAllowed());
                assertThat(v.available()).isEqualTo(v.maxAllowed() - v.totalOrdered());
            }
        }
    }

    private static void assertInvariant(BundleConfig config, Map<UUID, Long> orders) {
        GrosirAllocation allocation = config.allocate(orders);
        long n = allocation.bundlesNeeded();
        for (VariantBundle v : config.variants()) {
            long ordered = orders.getOrDefault(v.variantId(), 0L);
            assertThat(ordered).isLessThanOrEqualTo(allocation.variant(v.variantId()).maxAllowed());
            if (n >= 2) {
                assertThat(n * v.unitsPerBundle() - ordered)
                        .as("excess of %s at N=%d, orders %s", v.variantName(), n, orders)
                        .isLessThanOrEqualTo(v.tolerance());
            }
        }
    }

    @Provide
    Arbitrary<BundleConfig> configs() {
        Arbitrary<int[]> bundleAndTolerance = Combinators.combine(
                Arbitraries.integers().between(1, 10),
                Arbitraries.integers().between(0, 60)).as((bundle, tolerance) -> new int[] {bundle, tolerance});
        return bundleAndTolerance.list().ofMinSize(1).ofMaxSize(5).map(variants -> {
            List<VariantBundle> bundles = new ArrayList<>();
            for (int i = 0; i < variants.size(); i++) {
                bundles.add(new VariantBundle(new UUID(0, i), "V" + i, variants.get(i)[0], variants.get(i)[1]));
            }
            return new BundleConfig(bundles);
        });
    }

    @Provide
    Arbitrary<List<Join>> joins() {
        return Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.integers().between(1, 20))
                .as(Join::new).list().ofMaxSize(60);
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        return Combinators.combine(
                        Arbitraries.integers().between(0, 3).map(i -> i == 0),
                        Arbitraries.integers().between(0, 100),
                        Arbitraries.integers().between(1, 20))
                .as(Step::new).list().ofMaxSize(60);
    }
}
