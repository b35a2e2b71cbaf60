package io.laku.platform.sql;

import java.util.ArrayList;
import java.util.List;

/**
 * Multi-row statements ({@code insert ... values (...), (...)}): a run of events written in one round trip instead of
 * one per row. Positional parameters ({@code ?1, ?2, ...}) as Hibernate's native queries take them; statements hold
 * at most {@link #ROWS} rows, so a statement's parameters stay far below the protocol's limit.
 */
public final class MultiRow {

    /** Rows per statement. */
    public static final int ROWS = 100;

    private MultiRow() {
    }

    /** {@code (?1, ?2), (?3, ?4)} for rows = 2, columns = 2: rows of parameters, numbered from 1. */
    public static String tuples(int rows, int columns) {
        return tuples(rows, columns, 0);
    }

    /** {@link #tuples(int, int)} with the numbering starting after {@code before} parameters. */
    public static String tuples(int rows, int columns, int before) {
        StringBuilder sql = new StringBuilder();
        for (int row = 0, p = before + 1; row < rows; row++) {
            sql.append(row == 0 ? "(" : ", (");
            for (int column = 0; column < columns; column++, p++) {
                sql.append(column == 0 ? "?" : ", ?").append(p);
            }
            sql.append(')');
        }
        return sql.toString();
    }

    /** The items in chunks of at most {@link #ROWS}, in order. */
    public static <T> List<List<T>> chunks(List<T> items) {
        List<List<T>> chunks = new ArrayList<>();
        for (int from = 0; from < items.size(); from += ROWS) {
            chunks.add(items.subList(from, Math.min(items.size(), from + ROWS)));
        }
        return chunks;
    }
}
