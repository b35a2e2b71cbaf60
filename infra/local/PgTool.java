import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The zonky Postgres binaries ship no psql, so ./laku talks to Postgres through the pgjdbc driver that comes with
 * the Debezium plugin. ./laku compiles it once into .laku/run/pgtool and runs java -cp postgresql.jar:... PgTool
 * COMMAND ...; infra/kafka-compose.yml runs the same file as a source program in its db-bootstrap service.
 *
 *   bootstrap TIMEOUT_SECONDS DATABASES_FILE CONNECTORS_DIR
 *       wait until Postgres accepts logins, then make (idempotently) the roles, databases, outbox publications and
 *       replication slots of infra/README.md "Database roles and outbox capture". Also migrates a data directory
 *       from before the roles existed (everything owned by the bootstrap superuser).
 *   sql DB STATEMENT
 *       run one statement as the bootstrap superuser, print result rows tab-separated
 *
 * The bootstrap superuser comes from LAKU_PG_HOST, LAKU_PG_PORT, LAKU_PG_USER, LAKU_PG_PASSWORD; the roles'
 * passwords from LAKU_DB_OWNER_PASSWORD, LAKU_DB_APP_PASSWORD, LAKU_PG_REPLICATION_PASSWORD and
 * LAKU_PG_REGISTRY_PASSWORD (local defaults below; production sets its own).
 */
public class PgTool {

    static final String REPLICATION_ROLE = "laku_replication";
    static final String REGISTRY_ROLE = "laku_registry";

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            System.err.println("usage: PgTool bootstrap TIMEOUT DATABASES_FILE CONNECTORS_DIR | sql DB STATEMENT");
            System.exit(2);
        }
        switch (args[0]) {
            case "bootstrap" -> bootstrap(Integer.parseInt(args[1]), Path.of(args[2]), Path.of(args[3]));
            case "sql" -> sql(args[1], args[2]);
            default -> { System.err.println("unknown command " + args[0]); System.exit(2); }
        }
    }

    /** A database's outbox capture, as its connector file names it. */
    record Capture(String publication, String slot) {
    }

    static void bootstrap(int timeoutSeconds, Path databasesFile, Path connectorsDir) throws Exception {
        Map<String, String> databases = databases(databasesFile);
        Map<String, Capture> captures = captures(connectorsDir);
        waitForLogins(timeoutSeconds);
        try (Connection c = connect("postgres")) {
            role(c, REPLICATION_ROLE, "LOGIN REPLICATION", password("LAKU_PG_REPLICATION_PASSWORD", "laku-local-replication"));
            for (Map.Entry<String, String> db : databases.entrySet()) {
                String name = db.getKey();
                boolean service = db.getValue().equals("service");
                String owner = service ? name + "_owner" : REGISTRY_ROLE;
                if (service) {
                    role(c, owner, "LOGIN", password("LAKU_DB_OWNER_PASSWORD", "laku-local-owner"));
                    role(c, name + "_app", "LOGIN", password("LAKU_DB_APP_PASSWORD", "laku-local-app"));
                } else {
                    role(c, owner, "LOGIN", password("LAKU_PG_REGISTRY_PASSWORD", "laku-local-registry"));
                }
                if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                    execute(c, "CREATE DATABASE " + ident(name) + " OWNER " + ident(owner));
                    System.out.println("created database " + name + " owned by " + owner);
                } else {
                    execute(c, "ALTER DATABASE " + ident(name) + " OWNER TO " + ident(owner));
                }
                // Only the roles named here may connect to the database, none to another's.
                execute(c, "REVOKE ALL ON DATABASE " + ident(name) + " FROM PUBLIC");
                if (service) {
                    execute(c, "GRANT CONNECT ON DATABASE " + ident(name) + " TO " + ident(name + "_app"));
                }
                if (captures.containsKey(name)) {
                    execute(c, "GRANT CONNECT ON DATABASE " + ident(name) + " TO " + REPLICATION_ROLE);
                }
            }
        }
        for (Map.Entry<String, String> db : databases.entrySet()) {
            String name = db.getKey();
            String owner = db.getValue().equals("service") ? name + "_owner" : REGISTRY_ROLE;
            try (Connection c = connect(name)) {
                ownSchema(c, owner);
                if (captures.containsKey(name)) {
                    capture(c, name, owner, captures.get(name));
                } else if (db.getValue().equals("service")) {
                    noCapture(c, name);
                }
            }
        }
    }

    /** The schema and every object in it belong to the database's owner (a data directory from before the roles). */
    static void ownSchema(Connection c, String owner) throws SQLException {
        execute(c, "ALTER SCHEMA public OWNER TO " + ident(owner));
        execute(c, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
        // Tables and views, and sequences no column owns (an identity sequence follows its table).
        List<String> objects = new ArrayList<>();
        try (PreparedStatement q = c.prepareStatement("""
                select case when k.relkind = 'S' then 'SEQUENCE' else 'TABLE' end, quote_ident(k.relname)
                from pg_class k join pg_roles r on r.oid = k.relowner
                where k.relnamespace = 'public'::regnamespace and k.relkind in ('r', 'p', 'v', 'S')
                  and r.rolname <> ?
                  and not (k.relkind = 'S' and exists (select 1 from pg_depend d where d.objid = k.oid
                                                         and d.deptype in ('a', 'i')))""")) {
            q.setString(1, owner);
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    objects.add("ALTER " + rows.getString(1) + " public." + rows.getString(2) + " OWNER TO " + ident(owner));
                }
            }
        }
        for (String alter : objects) {
            execute(c, alter);
        }
        if (!objects.isEmpty()) {
            System.out.println(c.getCatalog() + ": " + objects.size() + " objects now owned by " + owner);
        }
    }

    /**
     * The publication Debezium reads (inserts only: the outbox purge's deletes are nobody's business) owned by the
     * schema owner, who puts the outbox table into it once the migrations made it; and the logical replication slot,
     * made here before the service can write its first outbox row.
     */
    static void capture(Connection c, String database, String owner, Capture capture) throws SQLException {
        if (!exists(c, "select 1 from pg_publication where pubname = ?", capture.publication())) {
            boolean table = exists(c, "select 1 from pg_tables where schemaname = 'public' and tablename = ?", "outbox_event");
            execute(c, "CREATE PUBLICATION " + ident(capture.publication()) + (table ? " FOR TABLE public.outbox_event" : "")
                    + " WITH (publish = 'insert')");
            System.out.println(database + ": created publication " + capture.publication());
        } else {
            execute(c, "ALTER PUBLICATION " + ident(capture.publication()) + " SET (publish = 'insert')");
        }
        execute(c, "ALTER PUBLICATION " + ident(capture.publication()) + " OWNER TO " + ident(owner));
        execute(c, "GRANT USAGE ON SCHEMA public TO " + REPLICATION_ROLE);
        // Debezium's heartbeat action query: a WAL message, so that the slot of a database that rarely publishes
        // still advances while others fill the (cluster-wide) WAL.
        List<String> emit = new ArrayList<>();
        try (Statement q = c.createStatement();
                ResultSet rows = q.executeQuery("select oid::regprocedure from pg_proc where proname = 'pg_logical_emit_message'")) {
            while (rows.next()) {
                emit.add(rows.getString(1));
            }
        }
        for (String function : emit) {
            execute(c, "GRANT EXECUTE ON FUNCTION " + function + " TO " + REPLICATION_ROLE);
        }
        if (!exists(c, "select 1 from pg_replication_slots where slot_name = ?", capture.slot())) {
            // In its own statement, in no transaction that has written (autocommit).
            try (PreparedStatement create = c.prepareStatement("select pg_create_logical_replication_slot(?, 'pgoutput')")) {
                create.setString(1, capture.slot());
                create.execute();
            }
            System.out.println(database + ": created logical replication slot " + capture.slot());
        }
    }

    /** A database that publishes nothing holds no publication and no slot (a slot would pin WAL forever). */
    static void noCapture(Connection c, String database) throws SQLException {
        if (exists(c, "select 1 from pg_publication where pubname = ?", "laku_outbox")) {
            execute(c, "DROP PUBLICATION laku_outbox");
            System.out.println(database + ": dropped publication laku_outbox (it publishes nothing)");
        }
        String slot = database + "_outbox";
        if (exists(c, "select 1 from pg_replication_slots where slot_name = ? and not active", slot)) {
            try (PreparedStatement drop = c.prepareStatement("select pg_drop_replication_slot(?)")) {
                drop.setString(1, slot);
                drop.execute();
            }
            System.out.println(database + ": dropped replication slot " + slot + " (it publishes nothing)");
        } else if (exists(c, "select 1 from pg_replication_slots where slot_name = ?", slot)) {
            System.out.println(database + ": replication slot " + slot + " is still in use; dropped once its connector is gone");
        }
    }

    /** Creates the role, or brings an existing one to these attributes and this password. */
    static void role(Connection c, String name, String attributes, String password) throws SQLException {
        String verb = exists(c, "select 1 from pg_roles where rolname = ?", name) ? "ALTER" : "CREATE";
        execute(c, verb + " ROLE " + ident(name) + " " + attributes + " PASSWORD " + literal(password));
        if (verb.equals("CREATE")) {
            System.out.println("created role " + name);
        }
    }

    static Map<String, String> databases(Path file) throws Exception {
        Map<String, String> databases = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file)) {
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            String[] parts = trimmed.split("\\s+");
            if (parts.length != 2 || !(parts[1].equals("service") || parts[1].equals("registry"))) {
                throw new IllegalArgumentException(file + ": expected '<database> service|registry', got: " + line);
            }
            databases.put(parts[0], parts[1]);
        }
        return databases;
    }

    static Map<String, Capture> captures(Path connectorsDir) throws Exception {
        Map<String, Capture> captures = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(connectorsDir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
                String json = Files.readString(file);
                captures.put(field(json, "database.dbname", file),
                        new Capture(field(json, "publication.name", file), field(json, "slot.name", file)));
            }
        }
        return captures;
    }

    static String field(String json, String name, Path file) {
        Matcher m = Pattern.compile("\"" + Pattern.quote(name) + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) {
            throw new IllegalArgumentException(file + " has no \"" + name + "\"");
        }
        return m.group(1);
    }

    static void waitForLogins(int timeoutSeconds) throws Exception {
        long deadline = System.nanoTime() + timeoutSeconds * 1_000_000_000L;
        SQLException last = null;
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("postgres")) {
                return;
            } catch (SQLException e) {
                last = e;
                // 57P03: the database system is starting up; 08xxx: cannot connect yet.
                String state = e.getSQLState() == null ? "" : e.getSQLState();
                if (!state.startsWith("08") && !state.equals("57P03")) {
                    throw e;
                }
                Thread.sleep(200);
            }
        }
        System.err.println("Postgres did not accept logins within " + timeoutSeconds + " s: " + (last == null ? "" : last.getMessage()));
        System.exit(1);
    }

    static Connection connect(String db) throws SQLException {
        String url = "jdbc:postgresql://" + env("LAKU_PG_HOST", "127.0.0.1") + ":" + env("LAKU_PG_PORT", "15432") + "/" + db;
        Connection c = DriverManager.getConnection(url, env("LAKU_PG_USER", "laku"), env("LAKU_PG_PASSWORD", "laku"));
        c.setAutoCommit(true);
        return c;
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

    static boolean exists(Connection c, String query, String value) throws SQLException {
        try (PreparedStatement q = c.prepareStatement(query)) {
            q.setString(1, value);
            try (ResultSet rows = q.executeQuery()) {
                return rows.next();
            }
        }
    }

    static void execute(Connection c, String statement) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(statement);
        }
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }

    static String password(String variable, String localDefault) {
        return env(variable, localDefault);
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isEmpty() ? fallback : v;
    }
}
