package io.laku.platform.web;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The database errors a request can cause with its input, as the 4xx they are: a unique constraint another
 * request won first is a 409 (two creates racing past the same "already used?" check) naming the field when the
 * service maps the constraint to it, a value Postgres refuses (out of range, too long for an index, a character it
 * does not store) is a 400. The transaction has rolled back, so nothing changed. Anything else stays a 500.
 */
public final class DatabaseErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String PROGRAM_LIMIT_EXCEEDED = "54000";

    /** Postgres' message for a unique violation names the constraint. */
    private static final Pattern CONSTRAINT = Pattern.compile("unique constraint \"([^\"]+)\"");

    /** Postgres' detail for a unique violation: {@code Key (session_code)=(abc) already exists.} */
    private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");

    private DatabaseErrors() {
    }

    /**
     * @param fieldOf the request field a unique constraint guards, by constraint name (configuration
     *                {@code laku.unique-constraint.<name>=<field>}); null when unknown
     */
    public static Optional<ProblemException> problemFor(Throwable failure, Function<String, String> fieldOf) {
        String state = null;
        String message = null;
        String detail = null;
        // Hibernate Reactive turns Postgres' error into a SQLException with its message and state (not its detail)
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PgException pg) {
                state = state == null ? pg.getSqlState() : state;
                message = pg.getMessage();
                detail = pg.getDetail();
                break;
            }
            if (t instanceof SQLException sql && state == null) {
                state = sql.getSQLState();
                message = sql.getMessage();
            }
        }
        if (state == null) {
            return Optional.empty();
        }
        String field = null;
        if (UNIQUE_VIOLATION.equals(state)) {
            Matcher constraint = message == null ? null : CONSTRAINT.matcher(message);
            field = constraint != null && constraint.find() ? fieldOf.apply(constraint.group(1)) : null;
            if (field == null && detail != null) {
                field = fields(detail);
            }
        }
        return Optional.ofNullable(problemFor(state, field));
    }

    static ProblemException problemFor(String sqlState, String field) {
        if (UNIQUE_VIOLATION.equals(sqlState)) {
            return ProblemException.conflict("already-exists", (field == null ? "A value that must be unique"
                    : field) + " is already used by another record", field, null);
        }
        if (sqlState.startsWith("22") || PROGRAM_LIMIT_EXCEEDED.equals(sqlState)) {
            return ProblemException.invalid(null, "A value in the request cannot be stored (too long, out of range or "
                    + "containing a character that is not allowed)");
        }
        return null;
    }

    /** {@code session_code} -> {@code sessionCode}; several columns joined with ", ". */
    static String fields(String detail) {
        Matcher key = KEY.matcher(detail);
        if (!key.find()) {
            return null;
        }
        return Arrays.stream(key.group(1).split(",")).map(String::trim).map(DatabaseErrors::camel)
                .collect(Collectors.joining(", "));
    }

    private static String camel(String column) {
        StringBuilder out = new StringBuilder();
        boolean upper = false;
        for (char c : column.toCharArray()) {
            if (c == '_') {
                upper = true;
            } else {
                out.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return out.toString();
    }
}
