package io.laku.settlement.ledger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Settlement's books as plain Java: movements posted once per reference, a payable never paid out below zero, and
 * SPEC §8's money invariant. {@link SettlementLedger} applies the same rules to the database (and the tables check
 * them again); this model is what the unit tests exercise.
 */
public final class SettlementBook {

    private final Map<String, Movement> byReference = new LinkedHashMap<>();
    private final Map<String, Long> credits = new HashMap<>();
    private final Map<String, Long> debits = new HashMap<>();

    /** Posts a movement; a reference seen before returns the first movement and moves nothing. */
    public Movement post(Movement movement) {
        Movement existing = byReference.get(movement.reference());
        if (existing != null) {
            return existing;
        }
        if (movement.kind() == Movement.Kind.PAYOUT) {
            requireCovered(balance(movement.payeeKind(), movement.payeeId()), movement.amount());
        }
        byReference.put(movement.reference(), movement);
        debits.merge(movement.debit(), movement.amount(), Math::addExact);
        credits.merge(movement.credit(), movement.amount(), Math::addExact);
        return movement;
    }

    /** A payout is never more than the payee is owed. */
    public static void requireCovered(long balance, long payout) {
        if (payout > balance) {
            throw new IllegalStateException("a payout of " + payout + " exceeds the balance of " + balance);
        }
    }

    public long balance(PayeeKind kind, java.util.UUID payeeId) {
        return creditBalance(kind.payable(payeeId));
    }

    /** Customers' money that reached settlement (shipped orders' totals, released escrow). */
    public long received() {
        return debits.getOrDefault(Movement.CUSTOMER_PAYMENTS, 0L);
    }

    public long fees() {
        return creditBalance(Movement.PLATFORM_FEES);
    }

    public long paidOut() {
        return creditBalance(Movement.PAID_OUT);
    }

    /** What every payee is still owed. */
    public long balancesHeld() {
        long held = 0;
        for (String account : credits.keySet()) {
            if (account.contains("_payable:")) {
                held = Math.addExact(held, creditBalance(account));
            }
        }
        return held;
    }

    private long creditBalance(String account) {
        return credits.getOrDefault(account, 0L) - debits.getOrDefault(account, 0L);
    }

    /** SPEC §8 at settlement: what it received = fees + paid out + balances held. */
    public boolean balanced() {
        return received() == fees() + paidOut() + balancesHeld();
    }

    /**
     * SPEC §8 across the platform: paid by customers = refunded + fees + paid out + balances held, once nothing is
     * held in payment any more (every paid order shipped or refunded, every session released).
     */
    public static boolean invariantHolds(long paidByCustomers, long refunded, long fees, long paidOut, long balancesHeld) {
        return paidByCustomers == refunded + fees + paidOut + balancesHeld;
    }
}
