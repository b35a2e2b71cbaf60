package io.laku.ops.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a command's results go: stdout, as aligned human lines by default or one JSON object per line with
 * {@code --json}. Progress and warnings go to stderr, so a script piping stdout only ever reads results.
 */
public final class Output {

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private final boolean json;
    private final boolean quiet;
    private final PrintStream out;
    private final PrintStream err;

    public Output(boolean json, boolean quiet, PrintStream out, PrintStream err) {
        this.json = json;
        this.quiet = quiet;
        this.out = out;
        this.err = err;
    }

    public boolean json() {
        return json;
    }

    /** One result as a JSON line (with --json); in human mode the caller prints its own text. */
    public void object(Map<String, ?> fields) {
        out.println(toJson(fields));
    }

    public void line(String text) {
        out.println(text);
    }

    /** Rows as columns padded to the widest cell; the last column is never padded. */
    public void table(List<String> header, List<List<String>> rows) {
        List<List<String>> all = new ArrayList<>();
        if (header != null) {
            all.add(header);
        }
        // a cell is one line (a reason may quote a multi-line SQL statement)
        rows.forEach(row -> all.add(row.stream().map(c -> c == null ? "-" : c.replaceAll("\\s*\\R\\s*", " ")).toList()));
        int columns = all.stream().mapToInt(List::size).max().orElse(0);
        int[] widths = new int[columns];
        for (List<String> row : all) {
            for (int c = 0; c < row.size() - 1; c++) {
                widths[c] = Math.max(widths[c], row.get(c).length());
            }
        }
        for (List<String> row : all) {
            StringBuilder line = new StringBuilder();
            for (int c = 0; c < row.size(); c++) {
                if (c > 0) {
                    line.append("  ");
                }
                String cell = row.get(c);
                line.append(cell);
                if (c < row.size() - 1) {
                    line.append(" ".repeat(widths[c] - cell.length()));
                }
            }
            out.println(line.toString().stripTrailing());
        }
    }

    /** Progress of a long run (stderr; silent with --quiet). */
    public void progress(String text) {
        if (!quiet) {
            err.println(text);
        }
    }

    public void warn(String text) {
        err.println("warning: " + text);
    }

    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ObjectMapper mapper() {
        return JSON;
    }
}
