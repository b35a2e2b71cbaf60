package io.laku.platform.startup;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * What the application role may do in its database, granted by the schema owner right after migrating (so a table
 * a migration adds is usable at once): read and write the rows of every table and use their sequences. It cannot
 * change the schema, and it cannot touch Flyway's history.
 */
@ApplicationScoped
public class SchemaGrants {

    private static final Logger LOG = Logger.getLogger(SchemaGrants.class);

    @ConfigProperty(name = "quarkus.datasource.username")
    String application;

    @ConfigProperty(name = "quarkus.flyway.username")
    String owner;

    public void grant(DataSource schemaOwner) {
        if (application.equals(owner)) {
            LOG.warnf("The application connects as the schema owner %s: it may change its own schema", owner);
            return;
        }
        String role = "\"" + application.replace("\"", "\"\"") + "\"";
        try (Connection connection = schemaOwner.getConnection(); Statement grant = connection.createStatement()) {
            connection.setAutoCommit(true);
            grant.execute("grant usage on schema public to " + role);
            grant.execute("grant select, insert, update, delete on all tables in schema public to " + role);
            grant.execute("grant usage, select on all sequences in schema public to " + role);
            grant.execute("revoke all on flyway_schema_history from " + role);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not grant " + application + " its rights: " + e.getMessage(), e);
        }
    }
}
