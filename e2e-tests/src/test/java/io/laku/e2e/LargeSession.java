package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * A session of N real participants over REST, as people make one: N customers join (1 unit each) and pay on the
 * gateway's page; the stock is on hand, so the saga runs from the expiry to {@code success} with no factory step.
 * Used by {@link LargeSessionIT} (1,000) and {@link SagaBenchmark} (10,000).
 */
final class LargeSession {

    static final long GROUP_PRICE = 200_000;
    static final long FINAL_PRICE = 105_000; // every unit paid: tier 100

    final int participants;
    final Products.Product product;
    final UUID session;
    final List<UUID> users = new ArrayList<>();

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(10)).build();

    private LargeSession(int participants, Products.Product product, UUID session) {
        this.participants = participants;
        this.product = product;
        this.session = session;
    }

    /** Sets the session up: joined and paid by every participant, stock for all of them in the warehouse. */
    static LargeSession paid(int participants, Consumer<String> progress) throws Exception {
        Products.Product product = Products.configure(UUID.randomUUID(), Map.of("M", 1), Map.of("M", 10_000_000),
                List.of("M"));
        Saga.stock(product.variant("M"), participants);
        Map<String, Object> body = Sessions.premiumHoodieSession(product.id());
        body.put("targetMoq", participants);
        UUID session = Products.openSession(product, body);
        LargeSession large = new LargeSession(participants, product, session);
        for (int i = 0; i < participants; i++) {
            large.users.add(UUID.randomUUID());
        }
        String joinBody = "{\"variantId\":\"" + product.variant("M") + "\",\"quantity\":1,\"unitPrice\":" + GROUP_PRICE
                + ",\"totalPrice\":" + GROUP_PRICE + "}";
        Instant t0 = Instant.now();
        // Prefer: wait=0: the answer need not wait for the payment link (the invoices are read from payment below)
        parallel(large.users, user -> post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/join",
                Platform.token(user, "customer"), joinBody, 201));
        progress.accept(participants + " joins in " + Duration.between(t0, Instant.now()).toMillis() + " ms");

        t0 = Instant.now();
        List<String> invoices = await("invoices of " + participants + " seats").atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(1)).until(() -> large.openInvoices(), list -> list.size() == participants);
        progress.accept(participants + " invoices in " + Duration.between(t0, Instant.now()).toMillis() + " ms");

        t0 = Instant.now();
        parallel(invoices, invoice -> post(Platform.GATEWAY + "/pay/" + invoice, null, "", 200));
        await(participants + " paid units").atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofSeconds(1))
                .until(() -> Saga.session(session).getLong("stats.paidUnits") == participants);
        progress.accept(participants + " payments in " + Duration.between(t0, Instant.now()).toMillis() + " ms");
        return large;
    }

    /** What the saga has done for the session so far, read from each service's own database. */
    record Progress(long refundsCredited, long refundedAmount, long orders, String status) {
    }

    Progress progress() throws SQLException {
        long[] refunds = query("wallet", "select count(*), coalesce(sum(amount), 0) from wallet_transaction "
                + "where session_id = ? and kind = 'credit'");
        long orders = query("order", "select count(*), 0 from customer_order where session_id = ?")[0];
        return new Progress(refunds[0], refunds[1], orders, Saga.session(session).getString("status"));
    }

    long noticesOfKind(String kind) throws SQLException {
        try (Connection db = Platform.database("notifications");
                PreparedStatement q = db.prepareStatement(
                        "select count(*) from notification where session_id = ? and kind = ?")) {
            q.setObject(1, session);
            q.setString(2, kind);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    /** Orders per participant: every participant exactly one. */
    long participantsWithoutExactlyOneOrder() throws SQLException {
        try (Connection db = Platform.database("order");
                PreparedStatement q = db.prepareStatement("""
                        select count(*) from (select user_id from customer_order where session_id = ?
                        group by user_id having count(*) <> 1) wrong""")) {
            q.setObject(1, session);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private long[] query(String service, String sql) throws SQLException {
        try (Connection db = Platform.database(service); PreparedStatement q = db.prepareStatement(sql)) {
            q.setObject(1, session);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return new long[] {rows.getLong(1), rows.getLong(2)};
            }
        }
    }

    private List<String> openInvoices() throws SQLException {
        try (Connection db = Platform.database("payment");
                PreparedStatement q = db.prepareStatement("select invoice_id from payment where session_id = ? "
                        + "and status = 'awaiting_payment' and invoice_url is not null")) {
            q.setObject(1, session);
            List<String> ids = new ArrayList<>();
            try (ResultSet rows = q.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getString(1));
                }
            }
            return ids;
        }
    }

    private static void post(String url, String token, String body, int expected) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token).header("Prefer", "wait=0");
        }
        for (int attempt = 1; ; attempt++) {
            try {
                HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == expected) {
                    return;
                }
                throw new IllegalStateException(url + " answered " + response.statusCode() + ": " + response.body());
            } catch (java.io.IOException e) {
                if (attempt == 3) {
                    throw new IllegalStateException(url + " failed", e);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private static <T> void parallel(List<T> items, Consumer<T> task) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (T item : items) {
                done.add(pool.submit(() -> task.accept(item)));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    static void expire(UUID session) {
        as(Saga.ADMIN, "admin").post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/manual-expire")
                .then().statusCode(200);
    }
}
