package io.laku.wallet.domain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A wallet's rules as plain Java: credits and debits by a positive amount, never below zero, and once per reference.
 * A reference is an idempotency key of one {@link Source}: a refund id for refunds, the admin's own key for an
 * admin's debit, so an admin's reference can never stand for (and swallow) a refund. Within a source a reference
 * names one movement: seen again with the same kind and amount it returns the first movement and moves nothing; with
 * another kind or amount it is a {@link ReferenceConflict}. The service applies the same rules ({@link #apply},
 * {@link #repeat}) to the row it locks.
 */
public final class Wallet {

    public enum Kind { CREDIT, DEBIT }

    /** Who moves the money; each keeps its own references. */
    public enum Source { REFUND, ADMIN }

    public record Movement(Source source, String reference, Kind kind, long amount, long balanceAfter) {
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

    /** A reference used again for a different movement. */
    public static final class ReferenceConflict extends RuntimeException {
        public final Movement first;

        public ReferenceConflict(Movement first, Kind kind, long amount) {
            super("reference " + first.reference() + " (" + first.source().name().toLowerCase() + ") already stands for a "
                    + first.kind().name().toLowerCase() + " of " + first.amount() + ", not a " + kind.name().toLowerCase()
                    + " of " + amount);
            this.first = first;
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

    public Result credit(Source source, String reference, long amount) {
        return move(source, reference, Kind.CREDIT, amount);
    }

    public Result debit(Source source, String reference, long amount) {
        return move(source, reference, Kind.DEBIT, amount);
    }

    private Result move(Source source, String reference, Kind kind, long amount) {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(reference, "reference");
        Movement seen = byReference.get(source + ":" + reference);
        if (seen != null) {
            return new Result(repeat(seen, kind, amount), false);
        }
        balance = apply(balance, kind, amount);
        Movement movement = new Movement(source, reference, kind, amount, balance);
        byReference.put(source + ":" + reference, movement);
        history.add(movement);
        return new Result(movement, true);
    }

    /** A reference of the same source seen before: the same movement again, or a conflict. */
    public static Movement repeat(Movement seen, Kind kind, long amount) {
        if (seen.kind() != kind || seen.amount() != amount) {
            throw new ReferenceConflict(seen, kind, amount);
        }
        return seen;
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
