package io.laku.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;

/**
 * A service's outbox as a test checks it. Counting all rows would not do: the platform purges rows older than the
 * outbox retention at any moment, so "nothing was written" is "no row written since the test began".
 */
final class Outbox {

    private Outbox() {
    }

    /** The database's clock now (the moment to count from). */
    static Timestamp now(String service) {
        try (Connection db = Platform.database(service); Statement q = db.createStatement();
                ResultSet rows = q.executeQuery("select clock_timestamp()")) {
            rows.next();
            return rows.getTimestamp(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    static long writtenSince(String service, Timestamp since) {
        try (Connection db = Platform.database(service);
                PreparedStatement q = db.prepareStatement("select count(*) from outbox_event where created_at >= ?")) {
            q.setTimestamp(1, since);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
