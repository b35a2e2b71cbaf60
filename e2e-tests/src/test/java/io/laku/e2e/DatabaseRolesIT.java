package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The roles the stack runs as (infra/README.md, "Database roles"): each service as its own application role, which
 * reads and writes its rows and nothing else; Debezium as laku_replication; the superuser not at all.
 */
class DatabaseRolesIT {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"group_buying", "payment", "wallet", "warehouse", "order", "notifications"})
    void eachServiceRunsAsItsApplicationRoleAndDebeziumAsTheReplicationRole(String service) throws Exception {
        List<String> roles = new ArrayList<>();
        try (Connection db = Platform.database(service); Statement q = db.createStatement();
                ResultSet rows = q.executeQuery("select distinct usename from pg_stat_activity where datname = "
                        + "current_database() and pid <> pg_backend_pid()")) {
            while (rows.next()) {
                roles.add(rows.getString(1));
            }
        }
        String app = "laku_" + service + "_app";
        assertThat(roles).contains(app);
        if (service.equals("notifications")) {
            assertThat(roles).containsOnly(app); // it publishes nothing: no connector reads it
        } else {
            assertThat(roles).containsOnly(app, "laku_replication");
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"group_buying", "wallet"})
    void theApplicationRoleHasItsRowsOnly(String service) throws Exception {
        try (Connection app = connect("laku_" + service, "laku_" + service + "_app", appPassword());
                Statement sql = app.createStatement()) {
            sql.executeQuery("select count(*) from outbox_event").close(); // its rows: yes
            assertRefused(() -> sql.execute("create table intruder (id int)"));
            assertRefused(() -> sql.execute("alter table outbox_event add column intruder int"));
            assertRefused(() -> sql.execute("delete from flyway_schema_history"));
            assertRefused(() -> sql.execute("truncate outbox_event"));
        }
        // and no other service's database
        String other = service.equals("wallet") ? "laku_payment" : "laku_wallet";
        assertRefused(() -> connect(other, "laku_" + service + "_app", appPassword()).close());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"group_buying", "payment"})
    void theReplicationRoleReadsNoRowsAndChangesNothing(String service) {
        String password = Platform.env("LAKU_PG_REPLICATION_PASSWORD", "laku-local-replication");
        assertRefused(() -> {
            try (Connection c = connect("laku_" + service, "laku_replication", password); Statement sql = c.createStatement()) {
                sql.executeQuery("select * from outbox_event").close();
            }
        });
        assertRefused(() -> {
            try (Connection c = connect("laku_" + service, "laku_replication", password); Statement sql = c.createStatement()) {
                sql.execute("create table intruder (id int)");
            }
        });
    }

    private interface Sql {
        void run() throws SQLException;
    }

    private static void assertRefused(Sql sql) {
        assertThatThrownBy(sql::run).isInstanceOf(SQLException.class)
                .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isIn("42501", "28000"));
    }

    private static String appPassword() {
        return Platform.env("LAKU_DB_APP_PASSWORD", "laku-local-app");
    }

    private static Connection connect(String database, String user, String password) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + Platform.env("LAKU_PG_HOST", "127.0.0.1") + ":"
                + Platform.env("LAKU_PG_PORT", "15432") + "/" + database, user, password);
    }
}
