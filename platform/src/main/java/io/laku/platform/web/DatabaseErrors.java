package io.laku.platform.web;

import io.vertx.pgclient.PgException;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The database errors a request can cause with its input, as the 4xx they are: a unique constraint another
 * request won first is a 409 (two creates racing past the same "already used?" check), a value Postgres refuses
 * (out of range, too long for an index, a character it does not store) is a 400. The transaction has rolled back,
 * so nothing changed. Anything else stays a 500.
 */
public final class DatabaseErrors {

    static final String UNIQUE_VIOLATION = "23505";
    static final String PROGRAM_LIMIT_EXCEEDED = "54000";

    /** Postgres' detail for a unique violation: {@code Key (session_code)=(abc) already exists.} */
    private static final Pattern KEY = Pattern.compile("Key \\(([^)]*)\\)=");

    private DatabaseErrors() {
    }

    public static Optional<ProblemException> problemFor(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String state = null;
            String detail = null;
            if (t instanceof PgException pg) {
                state = pg.getSqlState();
                detail = pg.getDetail();
            } else if (t instanceof SQLException sql) {
                state = sql.getSQLState();
            }
            if (state != null) {
                return Optional.ofNullable(problemFor(state, detail));
            }
        }
        return Optional.empty();
    }

    static ProblemException problemFor(String sqlState, String detail) {
        if (UNIQUE_VIOLATION.equals(sqlState)) {
            String field = detail == null ? null : fields(detail);
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
