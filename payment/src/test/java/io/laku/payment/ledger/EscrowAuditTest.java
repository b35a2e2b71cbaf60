package io.laku.payment.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The ledger catches money going to the wrong party, not only unbalanced sums. */
class EscrowAuditTest {

    private static final UUID SESSION = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID FACTORY = UUID.fromString("00000000-0000-0000-0000-00000000000f");
    private static final String PAYABLE = Accounts.factoryPayable(FACTORY);

    // Seed test 2 at tier 25: A paid 10 x 200,000 and keeps 10 x 150,000 in escrow, refund 500,000
    private final EscrowAudit.Seat a = seat(2_000_000, 500_000, "confirmed", 1_500_000L);
    // B paid 2 x 200,000 at the deadline; the outcome dropped the seat and the money went back
    private final EscrowAudit.Seat lateRefunded = seat(400_000, 400_000, "dropped", 0L);

    @Test
    void aConfirmedSessionReleasingExactlyItsConfirmedSeatsToItsFactoryIsRight() {
        assertThat(EscrowAudit.violations(SESSION, FACTORY, true, List.of(a, lateRefunded),
                List.of(new EscrowAudit.Release(PAYABLE, 1_500_000)))).isEmpty();
    }

    @Test
    void aReleaseThatIncludesALatePaymentIsCaughtEvenThoughTheSumsBalance() {
        EscrowAudit.Seat lateKept = seat(400_000, 0, "dropped", 0L);

        List<String> wrong = EscrowAudit.violations(SESSION, FACTORY, true, List.of(a, lateKept),
                List.of(new EscrowAudit.Release(PAYABLE, 1_900_000)));

        assertThat(wrong).anySatisfy(v -> assertThat(v).contains("holds 400000 in escrow, should hold 0"));
        assertThat(wrong).anySatisfy(v -> assertThat(v).contains("includes money of seats outside the outcome"));
    }

    @Test
    void aReleaseToAnotherFactoryIsCaught() {
        String other = Accounts.factoryPayable(UUID.randomUUID());
        assertThat(EscrowAudit.violations(SESSION, FACTORY, true, List.of(a), List.of(new EscrowAudit.Release(other,
                1_500_000)))).singleElement().asString().contains("not to its factory's");
    }

    @Test
    void aRefundFromAnotherSessionsEscrowOrAboveWhatWasPaidIsCaught() {
        EscrowAudit.Seat wrongEscrow = new EscrowAudit.Seat(UUID.randomUUID(), UUID.randomUUID(), 1000, 1000, "refunded",
                0L, false);
        EscrowAudit.Seat overRefunded = seat(1000, 1500, "refunded", 0L);
        assertThat(EscrowAudit.violations(SESSION, FACTORY, false, List.of(wrongEscrow, overRefunded), List.of()))
                .hasSize(2);
    }

    @Test
    void beforeTheOutcomeIsCompleteSeatsMayStillHoldTheirMoney() {
        EscrowAudit.Seat paidNotSettledYet = seat(400_000, 0, null, null);
        assertThat(EscrowAudit.violations(SESSION, FACTORY, false, List.of(paidNotSettledYet), List.of())).isEmpty();
    }

    private static EscrowAudit.Seat seat(long paidIn, long refunded, String outcome, Long finalAmount) {
        return new EscrowAudit.Seat(UUID.randomUUID(), UUID.randomUUID(), paidIn, refunded, outcome, finalAmount, true);
    }
}
