package io.laku.wallet.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
        wallet.credit("refund-1", 500_000);
        wallet.debit("order-1", 200_000);
        assertThat(wallet.balance()).isEqualTo(300_000);
        assertThat(wallet.history()).extracting(Wallet.Movement::balanceAfter).containsExactly(500_000L, 300_000L);
    }

    @Test
    void aReferenceSeenBeforeReturnsTheFirstResultAndMovesNothing() {
        Wallet wallet = new Wallet();
        Wallet.Result first = wallet.credit("refund-1", 500_000);
        Wallet.Result again = wallet.credit("refund-1", 999);
        assertThat(first.applied()).isTrue();
        assertThat(again.applied()).isFalse();
        assertThat(again.movement()).isEqualTo(first.movement());
        assertThat(wallet.balance()).isEqualTo(500_000);
    }

    @Test
    void neverNegative() {
        Wallet wallet = new Wallet();
        wallet.credit("c", 100);
        assertThatThrownBy(() -> wallet.debit("d", 101)).isInstanceOf(Wallet.InsufficientFunds.class);
        assertThat(wallet.balance()).isEqualTo(100);
        assertThat(wallet.history()).hasSize(1);
    }

    @Test
    void amountsArePositive() {
        Wallet wallet = new Wallet();
        assertThatThrownBy(() -> wallet.credit("c", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> wallet.debit("d", -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- property: random credits, debits and refunds (some repeated) keep every wallet >= 0 and consistent

    enum Op { CREDIT, DEBIT, REFUND }

    record Step(Op op, int user, long amount, int reference) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 3),
                Arbitraries.longs().between(1, 2_000_000), Arbitraries.integers().between(0, 30)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(80);
    }

    @Property(tries = 500)
    void walletsStayNonNegativeAndEqualTheirAppliedMovements(@ForAll("steps") List<Step> steps) {
        Map<Integer, Wallet> wallets = new HashMap<>();
        Map<Integer, Long> expected = new HashMap<>();
        for (Step s : steps) {
            Wallet wallet = wallets.computeIfAbsent(s.user(), u -> new Wallet());
            String reference = s.op().name().toLowerCase() + ":" + s.reference();
            try {
                Wallet.Result result = s.op() == Op.DEBIT ? wallet.debit(reference, s.amount())
                        : wallet.credit(reference, s.amount());
                if (result.applied()) {
                    expected.merge(s.user(), s.op() == Op.DEBIT ? -s.amount() : s.amount(), Long::sum);
                }
            } catch (Wallet.InsufficientFunds e) {
                assertThat(e.requested).isGreaterThan(e.balance);
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
