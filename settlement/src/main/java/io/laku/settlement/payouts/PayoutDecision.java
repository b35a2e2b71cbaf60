package io.laku.settlement.payouts;

/**
 * Whether a payout run pays a payee now (SPEC §8): every balance of at least the minimum is paid in full, once: a payee
 * with a payout still in flight gets no second one, and one without a bank account cannot be paid.
 */
public final class PayoutDecision {

    public enum Skip { BELOW_MINIMUM, NO_BANK_ACCOUNT, PAYOUT_IN_FLIGHT }

    public sealed interface Decision {
    }

    public record Pay(long amount) implements Decision {
    }

    public record Skipped(Skip reason) implements Decision {
    }

    private PayoutDecision() {
    }

    public static Decision decide(long balance, long minimum, boolean hasBankAccount, boolean payoutInFlight) {
        if (minimum < 1) {
            throw new IllegalArgumentException("the minimum payout is at least Rp 1, was " + minimum);
        }
        if (payoutInFlight) {
            return new Skipped(Skip.PAYOUT_IN_FLIGHT);
        }
        if (balance < minimum) {
            return new Skipped(Skip.BELOW_MINIMUM);
        }
        if (!hasBankAccount) {
            return new Skipped(Skip.NO_BANK_ACCOUNT);
        }
        return new Pay(balance);
    }
}
