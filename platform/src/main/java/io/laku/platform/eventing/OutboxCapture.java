package io.laku.platform.eventing;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the outbox is captured before the service writes to it: the publication Debezium reads
 * (outbox table only) and the logical replication slot that keeps every outbox row in the WAL until
 * the connector has published it. With both in place before the first write, nothing written while
 * Connect is down or not yet registered is lost (the connector uses snapshot.mode=no_data).
 */
@ApplicationScoped
public class OutboxCapture {

    private static final Logger LOG = Logger.getLogger(OutboxCapture.class);
    private static final String DUPLICATE_OBJECT = "42710";

    @Inject
    DataSource dataSource;

    @ConfigProperty(name = "laku.outbox.capture.enabled", defaultValue = "true")
    boolean enabled;

    @ConfigProperty(name = "laku.outbox.publication", defaultValue = "laku_outbox")
    String publication;

    @ConfigProperty(name = "laku.outbox.slot")
    String slot;

    void onStart(@Observes StartupEvent start) throws SQLException {
        if (!enabled) {
            return;
        }
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            if (!exists(connection, "select 1 from pg_publication where pubname = ?", publication)) {
                try (Statement create = connection.createStatement()) {
                    create.execute("create publication " + publication + " for table outbox_event");
                }
                LOG.infof("Created publication %s for outbox_event", publication);
            }
            // A slot must be created in its own statement, outside any transaction that has written.
            if (!exists(connection, "select 1 from pg_replication_slots where slot_name = ?", slot)) {
                try (PreparedStatement create = connection.prepareStatement(
                        "select pg_create_logical_replication_slot(?, 'pgoutput')")) {
                    create.setString(1, slot);
                    create.execute();
                    LOG.infof("Created logical replication slot %s", slot);
                } catch (SQLException e) {
                    if (!DUPLICATE_OBJECT.equals(e.getSQLState())) {
                        throw e;
                    }
                    // another instance of this service created it at the same moment
                }
            }
        }
    }

    private static boolean exists(Connection connection, String query, String name) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setString(1, name);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next();
            }
        }
    }
}
