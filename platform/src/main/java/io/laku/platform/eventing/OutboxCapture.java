package io.laku.platform.eventing;

import io.laku.contracts.EventCatalog;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes sure the outbox is captured before the service writes to it. The deployment ({@code ./laku up}, the compose
 * file's {@code db-bootstrap}) creates the publication Debezium reads and the logical replication slot that keeps
 * every outbox row in the WAL until the connector has published it, before any service starts: with both in place
 * before the first write, nothing written while Connect is down or not yet registered is lost (the connector uses
 * snapshot.mode=no_data). The service only puts its own {@code outbox_event} table into that publication (the table
 * exists once the migrations ran; the schema owner may do that, it cannot create publications or slots) and refuses
 * to start when either is missing. A service that publishes no event has neither.
 */
@ApplicationScoped
public class OutboxCapture {

    private static final Logger LOG = Logger.getLogger(OutboxCapture.class);

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "laku.outbox.publication", defaultValue = "laku_outbox")
    String publication;

    @ConfigProperty(name = "laku.outbox.slot")
    String slot;

    /** @param schemaOwner connections as the schema owner (Flyway's), who owns the outbox table and the publication */
    public void require(DataSource schemaOwner) {
        if (EventCatalog.schemasPublishedBy(service).isEmpty()) {
            LOG.debugf("%s publishes no event: no outbox capture to check", service);
            return;
        }
        try (Connection connection = schemaOwner.getConnection()) {
            connection.setAutoCommit(true);
            String database = connection.getCatalog();
            if (!exists(connection, "select 1 from pg_publication where pubname = ?", publication)) {
                throw missing("publication " + publication, database);
            }
            if (!exists(connection, """
                    select 1 from pg_publication_tables
                    where pubname = ? and schemaname = current_schema() and tablename = 'outbox_event'""", publication)) {
                try (Statement add = connection.createStatement()) {
                    add.execute("alter publication " + publication + " add table outbox_event");
                }
                LOG.infof("Added outbox_event to publication %s", publication);
            }
            if (!exists(connection, "select 1 from pg_replication_slots where slot_name = ? and database = current_database()",
                    slot)) {
                throw missing("logical replication slot " + slot, database);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the outbox capture of " + service + ": " + e.getMessage(), e);
        }
    }

    private IllegalStateException missing(String what, String database) {
        return new IllegalStateException("The outbox of " + service + " is not captured: " + what + " does not exist in "
                + database + ". The deployment creates it before the service starts (./laku up, or the db-bootstrap "
                + "service of infra/kafka-compose.yml; see infra/README.md, 'Database roles and outbox capture').");
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
