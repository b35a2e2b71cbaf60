package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * WAL and tables stay bounded (issue 9): outbox rows go once published, inbox and gateway-callback rows after their
 * retention, and the replication slot of a database that publishes nothing for a while still advances (Debezium's
 * heartbeat). group-buying and payment run here with a retention of seconds instead of minutes and days.
 */
class RetentionIT {

    private static final Map<String, String> SHORT = Map.of("LAKU_OUTBOX_RETENTION", "PT5S",
            "LAKU_INBOX_RETENTION", "PT5S", "LAKU_WEBHOOK_EVENT_RETENTION", "PT5S", "LAKU_PURGE_EVERY", "1s");
    private static final Duration DEADLINE = Duration.ofSeconds(90);

    @BeforeAll
    static void shortRetention() {
        for (String service : List.of("group-buying", "payment")) {
            Stack.stop(service);
            Stack.start(service, SHORT);
        }
    }

    @AfterAll
    static void usualRetention() {
        for (String service : List.of("group-buying", "payment")) {
            Stack.stop(service);
            Stack.start(service);
        }
    }

    @Test
    void publishedOutboxRowsAndOldInboxAndCallbackRowsArePurgedAndNoEventIsLost() throws Exception {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID customer = UUID.randomUUID();
        UUID seat = Products.joinAs(customer, session, hoodie.variant("M"), 5);
        Map<String, Object> payment = Money.awaitInvoices(session.toString(), 1).getFirst();
        Money.pay(payment);

        // every event reached its consumers: payment made the invoice from ParticipantJoined, group-buying saw it paid
        await("the seat is paid").atMost(DEADLINE).untilAsserted(() -> as(customer, "customer")
                .get(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/participants/" + seat).then()
                .statusCode(200).body("status", equalTo("paid")).body("paymentUrl", notNullValue()));

        await("group-buying's outbox holds nothing older than its retention").atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(count("group_buying", "select count(*) from outbox_event where aggregate_id in (?, ?)",
                            hoodie.id().toString(), session.toString())).isZero();
                    assertThat(olderThanSeconds("group_buying", "outbox_event", "created_at", 15)).isZero();
                });
        await("payment's inbox, outbox and callbacks hold nothing older than their retention").atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    assertThat(count("payment", "select count(*) from webhook_event where invoice_id = ?",
                            (String) payment.get("invoiceId"))).isZero();
                    assertThat(olderThanSeconds("payment", "inbox_event", "processed_at", 15)).isZero();
                    assertThat(olderThanSeconds("payment", "webhook_event", "received_at", 15)).isZero();
                    assertThat(olderThanSeconds("payment", "outbox_event", "created_at", 15)).isZero();
                });
    }

    @Test
    void theSlotOfAQuietDatabaseAdvancesWithTheWalOfTheOthers() throws Exception {
        Timestamp quietSince = Outbox.now("order");
        String walNow = single("order", "select pg_current_wal_lsn()::text");
        // WAL written elsewhere in the cluster (group-buying), none by order
        Products.openSession(Products.premiumHoodie(UUID.randomUUID()));

        await("order's slot confirms past " + walNow + " without order publishing anything").atMost(DEADLINE)
                .pollInterval(Duration.ofSeconds(1)).until(() -> Boolean.parseBoolean(single("order",
                        "select (confirmed_flush_lsn >= '" + walNow + "'::pg_lsn)::text from pg_replication_slots "
                                + "where slot_name = 'laku_order_outbox'")));
        assertThat(Outbox.writtenSince("order", quietSince)).as("order stayed quiet").isZero();
        assertThat(single("order", "select wal_status from pg_replication_slots where slot_name = 'laku_order_outbox'"))
                .isEqualTo("reserved");
    }

    @Test
    void aDatabaseThatPublishesNothingHasNoSlotAndNoPublication() throws Exception {
        assertThat(count("notifications", "select count(*) from pg_replication_slots where database = ?",
                "laku_notifications")).isZero();
        assertThat(count("notifications", "select count(*) from pg_publication where pubname <> ?", "")).isZero();
        assertThat(count("group_buying", "select count(*) from pg_publication where pubname = ? and pubinsert "
                + "and not pubdelete and not pubupdate", "laku_outbox")).isOne();
    }

    private static long olderThanSeconds(String service, String table, String column, int seconds) throws SQLException {
        return Long.parseLong(single(service, "select count(*) from " + table + " where " + column
                + " < now() - interval '" + seconds + " seconds'"));
    }

    private static long count(String service, String sql, String... params) throws SQLException {
        try (Connection db = Platform.database(service); PreparedStatement q = db.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                q.setString(i + 1, params[i]);
            }
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static String single(String service, String sql) throws SQLException {
        try (Connection db = Platform.database(service); PreparedStatement q = db.prepareStatement(sql);
                ResultSet rows = q.executeQuery()) {
            rows.next();
            return rows.getString(1);
        }
    }
}
