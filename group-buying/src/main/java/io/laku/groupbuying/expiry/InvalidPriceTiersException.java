package io.laku.groupbuying.expiry;

import java.util.List;
import java.util.stream.Collectors;

/** Session prices that break the tier rules. Bad input: a 4xx, one violation per offending field. */
public class InvalidPriceTiersException extends IllegalArgumentException {

    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidPriceTiersException(List<Violation> violations) {
        super(violations.stream().map(Violation::message).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
