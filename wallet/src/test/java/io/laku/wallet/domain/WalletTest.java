package io.laku.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.wallet.domain.Wallet.Source;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class WalletTest {

    @Test
    void creditsAndDebitsMoveTheBalance() {
        Wallet wallet = new Wallet();
        wallet.credit(Source.REFUND, "refund-1", 500_000);
        wallet.debit(Source.ADMIN, "order-1", 200_000);
        assertThat(wallet.balance()).isEqualTo(300_000);
        assertThat(wallet.history()).extracting(Wallet.Movement::balanceAfter).containsExactly(500_000L, 300_000L);
    }

    @Test
    void theSameMovementAgainReturnsTheFirstAndMovesNothing() {
        Wallet wallet = new Wallet();
        Wallet.Result first = wallet.credit(Source.REFUND, "refund-1", 500_000);
        Wallet.Result again = wallet.credit(Source.REFUND, "refund-1", 500_000);
        assertThat(first.applied()).isTrue();
        assertThat(again.applied()).isFalse();
        assertThat(again.movement()).isEqualTo(first.movement());
        assertThat(wallet.balance()).isEqualTo(500_000);
    }

    @Test
    void aReferenceUsedForAnotherAmountOrKindIsAConflictAndMovesNothing() {
        Wallet wallet = new Wallet();
        wallet.credit(Source.REFUND, "refund-1", 500_000);
        wallet.debit(Source.ADMIN, "fix-7", 100_000);

        assertThatThrownBy(() -> wallet.credit(Source.REFUND, "refund-1", 999))
                .isInstanceOf(Wallet.ReferenceConflict.class)
                .hasMessage("reference refund-1 (refund) already stands for a credit of 500000, not a credit of 999");
        assertThatThrownBy(() -> wallet.credit(Source.ADMIN, "fix-7", 100_000))
                .isInstanceOf(Wallet.ReferenceConflict.class)
                .hasMessageContaining("a debit of 100000, not a credit of 100000");
        assertThat(wallet.balance()).isEqualTo(400_000);
        assertThat(wallet.history()).hasSize(2);
    }

    @Test
    void anAdminsReferenceNeverSwallowsARefundOfTheSameName() {
        Wallet wallet = new Wallet();
        wallet.credit(Source.REFUND, "seed", 1_000_000);
        wallet.debit(Source.ADMIN, "b2f1e0c4-refund", 300_000);

        Wallet.Result refund = wallet.credit(Source.REFUND, "b2f1e0c4-refund", 300_000);

        assertThat(refund.applied()).isTrue();
        assertThat(wallet.balance()).isEqualTo(1_000_000);
    }

    @Test
    void neverNegative() {
        Wallet wallet = new Wallet();
        wallet.credit(Source.REFUND, "c", 100);
        assertThatThrownBy(() -> wallet.debit(Source.ADMIN, "d", 101)).isInstanceOf(Wallet.InsufficientFunds.class);
        assertThat(wallet.balance()).isEqualTo(100);
        assertThat(wallet.history()).hasSize(1);
    }

    @Test
    void amountsArePositive() {
        Wallet wallet = new Wallet();
        assertThatThrownBy(() -> wallet.credit(Source.REFUND, "c", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wallet.debit(Source.ADMIN, "d", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- property: random refunds and admin debits (some references repeated, with the same or another amount)
    // keep every wallet >= 0 and equal to its applied movements

    enum Op { REFUND, ADMIN_DEBIT }

    record Step(Op op, int user, long amount, int reference) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(1, 4).map(n -> n * 500_000), Arbitraries.integers().between(0, 30)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 500)
    void walletsStayNonNegativeAndEqualTheirAppliedMovements(@ForAll("steps") List<Step> steps) {
        Map<Integer, Wallet> wallets = new HashMap<>();
        Map<Integer, Long> expected = new HashMap<>();
        Map<String, Long> firstAmount = new HashMap<>();
        for (Step s : steps) {
            Wallet wallet = wallets.computeIfAbsent(s.user(), u -> new Wallet());
            String reference = "ref-" + s.reference();
            String key = s.user() + ":" + s.op() + ":" + reference;
            try {
                Wallet.Result result = s.op() == Op.ADMIN_DEBIT ? wallet.debit(Source.ADMIN, reference, s.amount())
                        : wallet.credit(Source.REFUND, reference, s.amount());
                if (result.applied()) {
                    firstAmount.put(key, s.amount());
                    expected.merge(s.user(), s.op() == Op.ADMIN_DEBIT ? -s.amount() : s.amount(), Long::sum);
                } else {
                    assertThat(firstAmount.get(key)).isEqualTo(s.amount());
                }
            } catch (Wallet.InsufficientFunds e) {
                assertThat(e.requested).isGreaterThan(e.balance);
            } catch (Wallet.ReferenceConflict e) {
                assertThat(firstAmount.get(key)).isNotEqualTo(s.amount());
            }
            assertThat(wallet.balance()).isGreaterThanOrEqualTo(0);
        }
        wallets.forEach((user, wallet) -> {
            assertThat(wallet.balance()).isEqualTo(expected.getOrDefault(user, 0L));
            long sum = wallet.history().stream()
                    .mapToLong(m -> m.kind() == Wallet.Kind.CREDIT ? m.amount() : -m.amount()).sum();
            assertThat(sum).isEqualTo(wallet.balance());
            assertThat(wallet.history()).allMatch(m -> m.balanceAfter() >= 0);
        });
    }
}
