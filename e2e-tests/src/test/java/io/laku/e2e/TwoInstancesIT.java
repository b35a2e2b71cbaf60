package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.response.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances of payment and of group-buying at once, sharing their databases and consumer groups (as a scaled-out
 * deployment runs them): customers join through either instance, both instances' invoice workers and consumers run,
 * and both expire sessions at the same moment. Every seat gets one payment and one invoice, every session one
 * outcome, and the money ends exact.
 */
class TwoInstancesIT {

    static final String GROUP_BUYING_2 = Platform.instance("GROUP_BUYING", Platform.GROUP_BUYING, 2);

    @BeforeAll
    static void startSecondInstances() {
        Stack.start("payment-2");
        Stack.start("group-buying-2");
    }

    @AfterAll
    static void stopSecondInstances() {
        Stack.stop("group-buying-2");
        Stack.stop("payment-2");
    }

    @Test
    void joinsPaymentsAndExpiryThroughTwoInstancesHappenOnceEach() throws Exception {
        Instant start = Instant.now();
        UUID factory = UUID.randomUUID();
        Products.Product hoodie = Products.premiumHoodie(factory);
        Saga.stock(hoodie.variant("M"), 200);
        Instant end = Instant.now().plusSeconds(40).truncatedTo(ChronoUnit.MILLIS);
        List<UUID> sessions = new ArrayList<>();
        List<List<UUID>> buyers = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
            body.put("targetMoq", 10);
            body.put("endTime", end.toString());
            UUID session = Products.openSession(hoodie, body);
            sessions.add(session);
            List<UUID> users = new ArrayList<>();
            for (int b = 0; b < 4; b++) {
                UUID user = UUID.randomUUID();
                String base = b % 2 == 0 ? Platform.GROUP_BUYING : GROUP_BUYING_2;
                as(user, "customer").body(Products.join(hoodie.variant("M"), 2))
                        .post(base + "/api/group-buying/" + session + "/join").then().statusCode(201);
                users.add(user);
            }
            buyers.add(users);
        }
        for (UUID session : sessions) {
            Money.awaitInvoices(session.toString(), 4).forEach(Money::pay);
        }
        for (UUID session : sessions) {
            await("8 paid units").atMost(Saga.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> Saga.session(session).getLong("stats.paidUnits") == 8);
        }

        // both instances expire the due sessions at the same moment (their schedulers run too)
        await("sessions due").atMost(Duration.ofSeconds(60)).until(() -> Instant.now().isAfter(end.plusMillis(100)));
        String token = Platform.token(Saga.ADMIN, "admin");
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Response>> runs = new ArrayList<>();
            for (String base : List.of(Platform.GROUP_BUYING, GROUP_BUYING_2, Platform.GROUP_BUYING, GROUP_BUYING_2)) {
                runs.add(pool.submit(() -> {
                    go.await();
                    return Platform.anonymous().auth().oauth2(token).post(base + "/api/group-buying/process-expired");
                }));
            }
            go.countDown();
            for (Future<Response> run : runs) {
                assertThat(run.get().statusCode()).isEqualTo(200);
            }
        } finally {
            pool.shutdownNow();
        }

        for (int s = 0; s < sessions.size(); s++) {
            UUID session = sessions.get(s);
            Saga.awaitStatus(session, "success");
            // 8 of MOQ 10: tier 75 at 120,000, so (200,000 - 120,000) x 2 back to each buyer
            for (UUID buyer : buyers.get(s)) {
                assertThat(Money.awaitWallet(buyer, 160_000)).isEqualTo(160_000);
            }
            Money.assertEscrowSettled(session.toString());
            assertThat(count("group_buying", "select count(*) from outbox_event where aggregate_id = ? and event_type in "
                    + "('SessionConfirmed', 'SessionFailed', 'SessionCancelled')", session)).as("outcomes").isEqualTo(1);
            assertThat(count("payment", "select count(*) from payment where session_id = ?::uuid", session)).isEqualTo(4);
            assertThat(count("payment", "select count(distinct invoice_id) from payment where session_id = ?::uuid",
                    session)).isEqualTo(4);
            assertThat(Topics.all("laku.payment", r -> session.toString().equals(r.key())
                    && "PaymentInvoiceCreated".equals(Topics.header(r, "eventType")))).as("invoices announced").hasSize(4);
            assertThat(Topics.all("laku.session", r -> session.toString().equals(r.key())
                    && "SessionConfirmed".equals(Topics.header(r, "eventType")))).as("outcomes published").hasSize(1);
            assertThat(Saga.orders(session)).hasSize(4);
        }
        assertThat(DeadLetters.since(start)).isEmpty();
    }

    private static long count(String service, String sql, UUID session) throws Exception {
        try (Connection db = Platform.database(service); PreparedStatement q = db.prepareStatement(sql)) {
            q.setString(1, session.toString());
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
