package io.laku.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Faults and latency injected into the Invoice API, for drills of a slow or refusing gateway (in memory). Each rule
 * names an operation, which calls it applies to ({@code match}: a substring of the external id, the description
 * or the invoice id; every call when empty), for how many calls ({@code count}; every matching call until cleared when
 * null), and what happens: wait {@code delayMs}, then answer {@code status} without doing anything, or (no status) do
 * the operation and answer late. The first rule that matches a call, with calls left, applies.
 */
@ApplicationScoped
public class InvoiceFaults {

    /** The Invoice API operations a rule can apply to. */
    public enum Operation {
        CREATE, GET, EXPIRE
    }

    /** A rule as posted and listed; {@code applied} counts the calls it changed so far. */
    public record Rule(long id, Operation operation, String match, Integer count, Integer status, long delayMs,
            int applied) {

        boolean matches(Operation op, String... texts) {
            if (op != operation || count != null && applied >= count) {
                return false;
            }
            if (match == null || match.isEmpty()) {
                return true;
            }
            for (String text : texts) {
                if (text != null && text.contains(match)) {
                    return true;
                }
            }
            return false;
        }
    }

    /** What a call must do: wait, then fail with {@code status} (null: go ahead). */
    public record Effect(long delayMs, Integer status) {
    }

    private final AtomicLong ids = new AtomicLong();
    private final List<Rule> rules = new ArrayList<>();

    public synchronized Rule add(Operation operation, String match, Integer count, Integer status, long delayMs) {
        Rule rule = new Rule(ids.incrementAndGet(), operation, match, count, status, delayMs, 0);
        rules.add(rule);
        return rule;
    }

    public synchronized List<Rule> rules() {
        return List.copyOf(rules);
    }

    public synchronized void clear() {
        rules.clear();
    }

    /** @return whether the rule was armed */
    public synchronized boolean remove(long id) {
        return rules.removeIf(rule -> rule.id() == id);
    }

    /** The effect for this call, if a rule applies (its use is counted). */
    public synchronized Optional<Effect> take(Operation operation, String... texts) {
        for (int i = 0; i < rules.size(); i++) {
            Rule rule = rules.get(i);
            if (rule.matches(operation, texts)) {
                rules.set(i, new Rule(rule.id(), rule.operation(), rule.match(), rule.count(), rule.status(),
                        rule.delayMs(), rule.applied() + 1));
                return Optional.of(new Effect(rule.delayMs(), rule.status()));
            }
        }
        return Optional.empty();
    }
}
