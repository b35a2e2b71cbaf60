package io.laku.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import org.junit.jupiter.api.Test;

class LedgerBookTest {

    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final UUID FACTORY = UUID.fromString("00000000-0000-0000-0000-0000000000fa");

    @Test
    void theSeedsTestTwoBalances() {
        // three seats at 200,000 (10, 15, 20 units), tier 25 at 150,000: 50,000 per unit back
        LedgerBook book = new LedgerBook();
        long[] units = {10, 15, 20};
        for (int i = 0; i < units.length; i++) {
            book.post("escrow-in:" + i, Accounts.GATEWAY_CLEARING, Accounts.escrow(SESSION), units[i] * 200_000);
            book.post("refund:" + i + ":TIER", Accounts.escrow(SESSION), Accounts.WALLET_LIABILITY, units[i] * 50_000);
        }
        assertThat(book.creditBalance(Accounts.WALLET_LIABILITY)).isEqualTo(500_000 + 750_000 + 1_000_000);
        assertThat(book.creditBalance(Accounts.escrow(SESSION))).isEqualTo(45 * 150_000);
        book.post("release:" + SESSION, Accounts.escrow(SESSION), Accounts.factoryPayable(FACTORY), 45 * 150_000);
        assertThat(book.creditBalance(Accounts.escrow(SESSION))).isZero();
        assertThat(book.creditBalance(Accounts.factoryPayable(FACTORY))).isEqualTo(6_750_000);
        assertThat(book.trialBalance()).isZero();
    }

    @Test
    void aReferenceMovesMoneyOnce() {
        LedgerBook book = new LedgerBook();
        book.post("escrow-in:p", Accounts.GATEWAY_CLEARING, Accounts.escrow(SESSION), 1000);
        var again = book.post("escrow-in:p", Accounts.GATEWAY_CLEARING, Accounts.escrow(SESSION), 5000);
        assertThat(again.amount()).isEqualTo(1000);
        assertThat(book.creditBalance(Accounts.escrow(SESSION))).isEqualTo(1000);
        assertThat(book.size()).isEqualTo(1);
    }

    @Test
    void movementsArePositiveBetweenTwoAccounts() {
        LedgerBook book = new LedgerBook();
        assertThatThrownBy(() -> book.post("r", "a", "b", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.post("r", "a", "b", -5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> book.post("r", "a", "a", 5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refundableIsCappedAtWhatTheSeatStillHolds() {
        assertThat(EscrowRules.refundable(1000, 0, 400)).isEqualTo(400);
        assertThat(EscrowRules.refundable(1000, 800, 400)).isEqualTo(200);
        assertThat(EscrowRules.refundable(1000, 1000, 400)).isZero();
        assertThatThrownBy(() -> EscrowRules.refundable(1000, 0, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- property: any sequence of payments, refunds (repeated, oversized) and releases keeps the books straight

    enum Op { PAY, REFUND, RELEASE }

    record Step(Op op, int seat, long amount, boolean repeat) {
    }

    @Provide
    Arbitrary<List<Step>> steps() {
        Arbitrary<Step> step = Combinators.combine(Arbitraries.of(Op.class), Arbitraries.integers().between(0, 4),
                Arbitraries.longs().between(1, 5_000_000), Arbitraries.of(true, false)).as(Step::new);
        return step.list().ofMinSize(1).ofMaxSize(60);
    }

    @Property(tries = 500)
    void escrowNeverNegativeAndPaidInEqualsRefundedPlusReleasedPlusHeld(@ForAll("steps") List<Step> steps) {
        LedgerBook book = new LedgerBook();
        Map<Integer, long[]> seats = new HashMap<>(); // seat -> {paid, refunded}
        List<String> references = new ArrayList<>();
        long paidIn = 0;
        long refunded = 0;
        long released = 0;
        String escrow = Accounts.escrow(SESSION);
        for (Step s : steps) {
            String reference = s.repeat() && !references.isEmpty() ? references.getLast() : null;
            switch (s.op()) {
                case PAY -> {
                    if (!seats.containsKey(s.seat())) {
                        seats.put(s.seat(), new long[] {s.amount(), 0});
                        book.post("escrow-in:" + s.seat(), Accounts.GATEWAY_CLEARING, escrow, s.amount());
                        paidIn += s.amount();
                        references.add("escrow-in:" + s.seat());
                    }
                }
                case REFUND -> {
                    long[] seat = seats.get(s.seat());
                    if (seat == null) {
                        break;
                    }
                    String ref = reference != null ? reference : "refund:" + s.seat() + ":" + references.size();
                    long amount = EscrowRules.refundable(seat[0], seat[1], s.amount());
                    if (amount > 0 && Math.min(amount, book.creditBalance(escrow)) == amount) {
                        int before = book.size();
                        book.post(ref, escrow, Accounts.WALLET_LIABILITY, amount);
                        if (book.size() > before) {
                            seat[1] += amount;
                            refunded += amount;
                        }
                        references.add(ref);
                    }
                }
                case RELEASE -> {
                    long held = book.creditBalance(escrow);
                    if (held > 0) {
                        int before = book.size();
                        book.post("release:" + SESSION, escrow, Accounts.factoryPayable(FACTORY), held);
                        if (book.size() > before) {
                            released += held;
                        }
                    }
                }
            }
            assertThat(book.creditBalance(escrow)).isGreaterThanOrEqualTo(0);
            assertThat(book.trialBalance()).isZero();
            assertThat(paidIn).isEqualTo(refunded + released + book.creditBalance(escrow));
            assertThat(book.creditBalance(Accounts.WALLET_LIABILITY)).isEqualTo(refunded).isGreaterThanOrEqualTo(0);
        }
    }
}
