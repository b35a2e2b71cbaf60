package io.laku.payment.ledger;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ledger's rules as plain Java: every movement debits one account and credits another by the
 * same positive amount, once per reference. The database ledger ({@link Ledger}) enforces the same
 * rules with constraints (amount > 0, debit != credit, unique reference); this model is what the
 * property tests exercise.
 */
public final class LedgerBook {

    public record Movement(String reference, String debit, String credit, long amount) {
        public Movement {
            if (amount <= 0) {
                throw new IllegalArgumentException("a movement moves a positive amount: " + amount);
            }
            if (debit.equals(credit)) {
                throw new IllegalArgumentException("a movement needs two different accounts: " + debit);
            }
        }
    }

    private final Map<String, Movement> byReference = new LinkedHashMap<>();
    private final Map<String, Long> debits = new HashMap<>();
    private final Map<String, Long> credits = new HashMap<>();

    /** Posts a movement; a reference seen before returns the first movement and moves nothing. */
    public Movement post(String reference, String debit, String credit, long amount) {
        Movement existing = byReference.get(reference);
        if (existing != null) {
            return existing;
        }
        Movement movement = new Movement(reference, debit, credit, amount);
        byReference.put(reference, movement);
        debits.merge(debit, amount, Math::addExact);
        credits.merge(credit, amount, Math::addExact);
        return movement;
    }

    /** Credits minus debits: what a liability account (escrow, wallets, payables) holds. */
    public long creditBalance(String account) {
        return credits.getOrDefault(account, 0L) - debits.getOrDefault(account, 0L);
    }

    /** Sum of all debits minus all credits over every account: always 0 in double entry. */
    public long trialBalance() {
        long total = 0;
        for (long d : debits.values()) {
            total = Math.addExact(total, d);
        }
        for (long c : credits.values()) {
            total = Math.subtractExact(total, c);
        }
        return total;
    }

    public int size() {
        return byReference.size();
    }
}
