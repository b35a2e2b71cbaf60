import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The zonky Postgres binaries ship no psql, so ./laku talks to Postgres through the pgjdbc driver
 * that comes with the Debezium plugin.
 * ./laku compiles it once into .laku/run/pgtool and runs java -cp postgresql.jar:... PgTool COMMAND ...
 *
 *   ensure-databases TIMEOUT_SECONDS DB...  wait until Postgres accepts logins, create missing databases
 *   sql DB STATEMENT                       run one statement, print result rows tab-separated
 *
 * Connection settings come from LAKU_PG_HOST, LAKU_PG_PORT, LAKU_PG_USER, LAKU_PG_PASSWORD.
 */
public class PgTool {
    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PgTool ensure-databases TIMEOUT DB... | sql DB STATEMENT");
            System.exit(2);
        }
        switch (args[0]) {
            case "ensure-databases" -> ensureDatabases(Integer.parseInt(args[1]), java.util.Arrays.copyOfRange(args, 2, args.length));
            case "sql" -> sql(args[1], args[2]);
            default -> { System.err.println("unknown command " + args[0]); System.exit(2); }
        }
    }

    static Connection connect(String db) throws SQLException {
        String url = "jdbc:postgresql://" + env("LAKU_PG_HOST", "127.0.0.1") + ":" + env("LAKU_PG_PORT", "15432") + "/" + db;
        return DriverManager.getConnection(url, env("LAKU_PG_USER", "laku"), env("LAKU_PG_PASSWORD", "laku"));
    }

    static void ensureDatabases(int timeoutSeconds, String[] names) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres")) {
                for (String name : names) {
                    try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                        ps.setString(1, name);
                        try (ResultSet rs = ps.executeQuery()) {
                            if (rs.next()) continue;
                        }
                    }
                    try (Statement st = c.createStatement()) {
                        st.execute("CREATE DATABASE \"" + name.replace("\"", "\"\"") + "\"");
                        System.out.println("created database " + name);
                    }
                }
                return;
            } catch (SQLException e) {
                last = e;
                // 57P03: the database system is starting up; 08xxx: cannot connect yet.
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (!state.startsWith("08") && !state.equals("57P03")) throw e;
                Thread.sleep(200);
            }
        }
        System.err.println("Postgres did not accept logins within " + timeoutSeconds + " s: " + (last == null ? "" : last.getMessage()));
        System.exit(1);
    }

    static void sql(String db, String statement) throws SQLException {
        try (Connection c = connect(db); Statement st = c.createStatement()) {
            if (st.execute(statement)) {
                try (ResultSet rs = st.getResultSet()) {
                    int n = rs.getMetaData().getColumnCount();
                    while (rs.next()) {
                        StringBuilder row = new StringBuilder();
                        for (int i = 1; i <= n; i++) row.append(i > 1 ? "\t" : "").append(rs.getString(i));
                        System.out.println(row);
                    }
                }
            }
        }
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
