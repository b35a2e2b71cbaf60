package io.laku.wallet.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A wallet's rules as plain Java: credits and debits by a positive amount, once per reference (a
 * reference seen before returns the first result and moves nothing), and never below zero. The
 * service applies the same rules ({@link #apply}) to the row it locks; the property tests exercise
 * this model.
 */
public final class Wallet {

    public enum Kind { CREDIT, DEBIT }

    public record Movement(String reference, Kind kind, long amount, long balanceAfter) {
    }

    /** The result of a movement: the movement, and whether this call made it (false: seen before). */
    public record Result(Movement movement, boolean applied) {
    }

    public static final class InsufficientFunds extends RuntimeException {
        public final long balance;
        public final long requested;

        public InsufficientFunds(long balance, long requested) {
            super("balance " + balance + " is less than " + requested);
            this.balance = balance;
            this.requested = requested;
        }
    }

    private long balance;
    private final Map<String, Movement> byReference = new HashMap<>();
    private final List<Movement> history = new ArrayList<>();

    public long balance() {
        return balance;
    }

    public List<Movement> history() {
        return List.copyOf(history);
    }

    public Result credit(String reference, long amount) {
        return move(reference, Kind.CREDIT, amount);
    }

    public Result debit(String reference, long amount) {
        return move(reference, Kind.DEBIT, amount);
    }

    private Result move(String reference, Kind kind, long amount) {
        Objects.requireNonNull(reference, "reference");
        Movement seen = byReference.get(reference);
        if (seen != null) {
            return new Result(seen, false);
        }
        balance = apply(balance, kind, amount);
        Movement movement = new Movement(reference, kind, amount, balance);
        byReference.put(reference, movement);
        history.add(movement);
        return new Result(movement, true);
    }

    /** The balance after a movement, or an exception when the movement is not allowed. */
    public static long apply(long balance, Kind kind, long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
        if (kind == Kind.CREDIT) {
            return Math.addExact(balance, amount);
        }
        if (amount > balance) {
            throw new InsufficientFunds(balance, amount);
        }
        return balance - amount;
    }
}
