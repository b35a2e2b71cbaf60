package io.laku.groupbuying.expiry;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.groupbuying.expiry.SessionOutcome.Confirmed;
import io.laku.groupbuying.expiry.SessionOutcome.Failed;
import io.laku.groupbuying.expiry.SessionOutcome.FailureReason;
import io.laku.groupbuying.expiry.SessionOutcome.Refund;
import io.laku.groupbuying.expiry.SessionOutcome.Settlement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class SessionOutcomeTest {

    static final PriceTiers SEED_PRICES = new PriceTiers(200_000, 150_000, 135_000, 120_000, 105_000);
    static final UUID M = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID S = UUID.fromString("00000000-0000-0000-0000-00000000000a");

    static final PaidParticipant A = paid(1, M, 10);
    static final PaidParticipant B = paid(2, M, 15);
    static final PaidParticipant C = paid(3, S, 20);

    @Test
    void seedTest2_45PercentConfirmsAtTier25WithTierRefunds() {
        SessionOutcome outcome = SessionOutcome.decide(100, SEED_PRICES, true, List.of(A, B, C));

        Confirmed confirmed = (Confirmed) outcome;
        assertThat(confirmed.tier()).isEqualTo(Tier.TIER_25);
        assertThat(confirmed.finalUnitPrice()).isEqualTo(150_000);
        assertThat(confirmed.paidUnits()).isEqualTo(45);
        assertThat(confirmed.botUnits()).isZero();
        assertThat(confirmed.settlements()).containsExactly(
                new Settlement(A.participantId(), A.userId(), M, 10, 200_000, 150_000, 500_000),
                new Settlement(B.participantId(), B.userId(), M, 15, 200_000, 150_000, 750_000),
                new Settlement(C.participantId(), C.userId(), S, 20, 200_000, 150_000, 1_000_000));
        assertThat(confirmed.totalRefund()).isEqualTo(2_250_000);
        assertThat(confirmed.demandPerVariant()).containsExactly(Map.entry(M, 25L), Map.entry(S, 20L));
    }

    @ParameterizedTest(name = "MOQ 100, {0} paid units -> {1} at {2}")
    @CsvSource(textBlock = """
            25,  TIER_25,  150000
            49,  TIER_25,  150000
            50,  TIER_50,  135000
            74,  TIER_50,  135000
            75,  TIER_75,  120000
            99,  TIER_75,  120000
            100, TIER_100, 105000
            130, TIER_100, 105000
            """)
    void theHighestTierReachedSetsTheFinalPrice(long paidUnits, Tier tier, long finalUnitPrice) {
        for (boolean botAllowed : new boolean[] {true, false}) {
            Confirmed confirmed = (Confirmed) SessionOutcome.decide(100, SEED_PRICES, botAllowed,
                    List.of(paid(1, M, paidUnits)));

            assertThat(confirmed.tier()).isEqualTo(tier);
            assertThat(confirmed.finalUnitPrice()).isEqualTo(finalUnitPrice);
            assertThat(confirmed.botUnits()).isZero();
            assertThat(confirmed.settlements().getFirst().refund()).isEqualTo((200_000 - finalUnitPrice) * paidUnits);
        }
    }

    @Test
    void below25PercentTheBotFillsUpToTier25() {
        Confirmed confirmed = (Confirmed) SessionOutcome.decide(100, SEED_PRICES, true, List.of(paid(1, M, 24)));

        assertThat(confirmed.tier()).isEqualTo(Tier.TIER_25);
        assertThat(confirmed.botUnits()).isEqualTo(1);
        assertThat(confirmed.paidUnits()).isEqualTo(24);
        assertThat(confirmed.finalUnitPrice()).isEqualTo(150_000);
        assertThat(confirmed.settlements().getFirst().refund()).isEqualTo(24 * 50_000);
    }

    @Test
    void below25PercentWithoutTheBotFailsAndRefundsEveryPaidSeatInFull() {
        PaidParticipant first = paid(1, M, 10);
        PaidParticipant second = paid(2, S, 14);

        SessionOutcome outcome = SessionOutcome.decide(100, SEED_PRICES, false, List.of(first, second));

        assertThat(outcome).isEqualTo(new Failed(FailureReason.BELOW_25_PERCENT_WITHOUT_BOT, List.of(
                new Refund(first.participantId(), first.userId(), 2_000_000),
                new Refund(second.participantId(), second.userId(), 2_800_000))));
    }

    @Test
    void nothingPaidFailsEvenWithTheBot() {
        assertThat(SessionOutcome.decide(100, SEED_PRICES, true, List.of()))
                .isEqualTo(new Failed(FailureReason.NO_PAID_UNITS, List.of()));
        assertThat(SessionOutcome.decide(100, SEED_PRICES, false, List.of()))
                .isEqualTo(new Failed(FailureReason.NO_PAID_UNITS, List.of()));
    }

    @Test
    void theBotRoundsAQuarterOfAnMoqNotDivisibleByFourUp() {
        // MOQ 10: 2 paid units is 20%; ceil(0.25 * 10) = 3, so the bot takes 1 unit
        Confirmed confirmed = (Confirmed) SessionOutcome.decide(10, SEED_PRICES, true, List.of(paid(1, M, 2)));

        assertThat(confirmed.botUnits()).isEqualTo(1);
        assertThat(confirmed.tier()).isEqualTo(Tier.TIER_25);
    }

    @Test
    void aQuarterOfAnMoqNotDivisibleByFourNeedsNoBotOnceReached() {
        // MOQ 10: 3 paid units is 30%
        Confirmed confirmed = (Confirmed) SessionOutcome.decide(10, SEED_PRICES, true, List.of(paid(1, M, 3)));

        assertThat(confirmed.botUnits()).isZero();
        assertThat(confirmed.tier()).isEqualTo(Tier.TIER_25);
    }

    @Test
    void demandPerVariantCountsOnlyRealParticipantsNeverTheBot() {
        // 18 of MOQ 100 paid: the bot takes 25 - 18 = 7 units, which have no variant
        Confirmed confirmed = (Confirmed) SessionOutcome.decide(100, SEED_PRICES, true,
                List.of(paid(1, M, 10), paid(2, S, 5), paid(3, M, 3)));

        assertThat(confirmed.botUnits()).isEqualTo(7);
        assertThat(confirmed.demandPerVariant()).containsExactly(Map.entry(M, 13L), Map.entry(S, 5L));
    }

    @Test
    void escrowSplitsExactlyIntoRefundsAndTheFactorysShare() {
        List<PaidParticipant> participants = List.of(paid(1, M, 7), paid(2, S, 33), paid(3, M, 38));

        Confirmed confirmed = (Confirmed) SessionOutcome.decide(100, SEED_PRICES, true, participants);

        long paidIntoEscrow = participants.stream().mapToLong(PaidParticipant::paidAmount).sum();
        long toFactory = confirmed.settlements().stream().mapToLong(Settlement::finalAmount).sum();
        assertThat(confirmed.tier()).isEqualTo(Tier.TIER_75);
        assertThat(paidIntoEscrow).isEqualTo(15_600_000);
        assertThat(confirmed.totalRefund()).isEqualTo(78 * 80_000);
        assertThat(confirmed.totalRefund() + toFactory).isEqualTo(paidIntoEscrow);
    }

    @Test
    void refundInFullReturnsWhatEachSeatPaid() {
        PaidParticipant p = paid(9, S, 3);

        assertThat(SessionOutcome.refundInFull(List.of(p)))
                .containsExactly(new Refund(p.participantId(), p.userId(), 600_000));
    }

    @Test
    void rejectsInputThatCannotComeFromAValidSession() {
        assertThatThrownBy(() -> SessionOutcome.decide(1, SEED_PRICES, true, List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("targetMoq must be >= 2, was 1");
        assertThatThrownBy(() -> SessionOutcome.decide(100, SEED_PRICES, true, List.of(A, A)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("appears twice");
        PaidParticipant underpaid = new PaidParticipant(new UUID(1, 1), new UUID(2, 1), M, 30, 100_000);
        assertThatThrownBy(() -> SessionOutcome.decide(100, SEED_PRICES, true, List.of(underpaid)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("below the final price 150000");
        assertThatThrownBy(() -> paid(1, M, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static PaidParticipant paid(int n, UUID variantId, long quantity) {
        return new PaidParticipant(new UUID(1, n), new UUID(2, n), variantId, quantity, 200_000);
    }
}
