package io.laku.platform.retention;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The platform tables every service has, and how long their rows stay. */
@ApplicationScoped
public class PlatformPurges {

    @ConfigProperty(name = "laku.retention.outbox")
    Duration outbox;

    @ConfigProperty(name = "laku.retention.inbox")
    Duration inbox;

    @ConfigProperty(name = "laku.outbox.slot")
    String slot;

    /**
     * Outbox rows only have to live until they are in the WAL, which they are once committed: Debezium decodes the
     * insert from the WAL that the replication slot holds, not from the table, and a later delete of the row does
     * not reach back into it (the connector ignores deletes). So a row may go even before the connector streamed it,
     * as long as the slot is intact; the age only leaves rows to look at while debugging. When the slot is gone or
     * about to be (its WAL was over max_slot_wal_keep_size), the rows are kept: they are then the only copy of what
     * was not yet published.
     */
    @Produces
    PurgeRule outbox() {
        return new PurgeRule("outbox_event", "created_at", outbox, "exists (select 1 from pg_replication_slots "
                + "where slot_name = '" + slot.replace("'", "''") + "' and wal_status in ('reserved', 'extended'))");
    }

    /**
     * An inbox row is what makes a redelivered event a no-op, so it must outlive every copy of the event on Kafka:
     * the retention is longer than the topics' (see infra/README.md, "Retention").
     */
    @Produces
    PurgeRule inbox() {
        return PurgeRule.olderThan("inbox_event", "processed_at", inbox);
    }
}
