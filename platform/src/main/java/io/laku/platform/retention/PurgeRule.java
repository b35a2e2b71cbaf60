package io.laku.platform.retention;

import java.time.Duration;
import java.util.Objects;

/**
 * Rows of one table that may go once they are older than the retention: {@code delete from table where column <
 * now() - retention [and condition]}. A service makes one a CDI bean (a producer method) and {@link Purges} applies
 * it on schedule; the platform's own are the outbox and the inbox ({@link PlatformPurges}).
 *
 * @param table     the table (a trusted name from code, never from input)
 * @param column    its timestamp column
 * @param retention how long a row is kept
 * @param condition extra SQL the rows must also meet (empty for none)
 */
public record PurgeRule(String table, String column, Duration retention, String condition) {

    public PurgeRule {
        Objects.requireNonNull(table, "table");
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(retention, "retention");
        condition = condition == null ? "" : condition;
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("retention of " + table + " must be positive, was " + retention);
        }
    }

    public static PurgeRule olderThan(String table, String column, Duration retention) {
        return new PurgeRule(table, column, retention, "");
    }

    /** One batch: at most {@code batch} of the oldest eligible rows, so no purge holds a long transaction. */
    String deleteBatch(int batch) {
        return "delete from " + table + " where ctid in (select ctid from " + table + " where " + column
                + " < now() - make_interval(secs => $1)" + (condition.isBlank() ? "" : " and (" + condition + ")")
                + " order by " + column + " limit " + batch + ")";
    }
}
