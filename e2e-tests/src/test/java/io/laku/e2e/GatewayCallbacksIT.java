package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** The gateway's callbacks: authenticated, validated, applied once, whatever their order. */
class GatewayCallbacksIT {

    private static final String WEBHOOK = Platform.PAYMENT + "/api/payments/webhooks/xendit";

    private static RequestSpecification gateway(String token) {
        RequestSpecification request = RestAssured.given().contentType("application/json");
        return token == null ? request : request.header("x-callback-token", token);
    }

    private static String body(Map<String, Object> payment, String status, long paidAmount) {
        return """
                {"id":"%s","external_id":"%s","user_id":"laku","status":"%s","amount":%d,"paid_amount":%d,
                 "paid_at":"2026-01-01T00:00:00Z","currency":"IDR","payment_method":"BANK_TRANSFER"}"""
                .formatted(payment.get("invoiceId"), payment.get("id"), status, ((Number) payment.get("amount")).longValue(),
                        paidAmount);
    }

    private static long webhookRows(String invoiceId) throws Exception {
        try (Connection db = Platform.database("payment");
                PreparedStatement query = db.prepareStatement("select count(*) from webhook_event where invoice_id = ?")) {
            query.setString(1, invoiceId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void wrongTokenBadBodyAndUnknownInvoiceAreRejectedAndNothingIsStored() throws Exception {
        String sessionId = UUID.randomUUID().toString();
        UUID user = UUID.randomUUID();
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, UUID.randomUUID(), UUID.randomUUID(),
                user, 1, 200_000));
        Map<String, Object> payment = Money.awaitInvoices(sessionId, 1).getFirst();
        String invoiceId = (String) payment.get("invoiceId");
        String paid = body(payment, "PAID", 200_000);

        gateway(null).body(paid).post(WEBHOOK).then().statusCode(401);
        gateway("not-the-token").body(paid).post(WEBHOOK).then().statusCode(401)
                .contentType("application/problem+json");
        gateway(Platform.CALLBACK_TOKEN).body("{not json").post(WEBHOOK).then().statusCode(400)
                .contentType("application/problem+json");
        gateway(Platform.CALLBACK_TOKEN).body("{\"id\":\"" + invoiceId + "\"}").post(WEBHOOK).then().statusCode(400)
                .body("field", equalTo("external_id"));
        gateway(Platform.CALLBACK_TOKEN).body(paid.replace("\"PAID\"", "\"WHATEVER\"")).post(WEBHOOK).then().statusCode(400);
        gateway(Platform.CALLBACK_TOKEN).body(paid.replace(invoiceId, "unknown-invoice")).post(WEBHOOK).then().statusCode(404);
        gateway(Platform.CALLBACK_TOKEN).body(paid.replace((String) payment.get("id"), UUID.randomUUID().toString()))
                .post(WEBHOOK).then().statusCode(404);

        assertThat(webhookRows(invoiceId)).isZero();
        assertThat(Money.payments(sessionId).getFirst().get("status")).isEqualTo("awaiting_payment");

        // the wrong amount: recorded, flagged, and the money refunded in full to the wallet; the seat stays unpaid
        gateway(Platform.CALLBACK_TOKEN).body(body(payment, "PAID", 150_000)).post(WEBHOOK).then().statusCode(200)
                .body("result", equalTo("amount_mismatch"));
        gateway(Platform.CALLBACK_TOKEN).body(body(payment, "PAID", 150_000)).post(WEBHOOK).then().statusCode(200)
                .body("result", equalTo("duplicate"));
        try (Connection db = Platform.database("payment");
                PreparedStatement query = db.prepareStatement("select flagged, outcome from webhook_event where invoice_id = ?")) {
            query.setString(1, invoiceId);
            try (ResultSet rs = query.executeQuery()) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).isTrue();
                assertThat(rs.getString(2)).isEqualTo("amount_mismatch");
                assertThat(rs.next()).isFalse();
            }
        }
        assertThat(Money.payments(sessionId).getFirst().get("status")).isEqualTo("awaiting_payment");
        Money.awaitWallet(user, 150_000);
        var afterMismatch = Money.ledger(sessionId);
        assertThat(afterMismatch.getLong("paidIn")).isEqualTo(150_000);
        assertThat(afterMismatch.getLong("refunded")).isEqualTo(150_000);
        assertThat(afterMismatch.getLong("escrowBalance")).isZero();
        assertThat(afterMismatch.getList("entries.reference", String.class))
                .anyMatch(r -> r.startsWith("refund:") && r.contains(":AMOUNT_MISMATCH:150000"));
        assertThat(afterMismatch.getList("violations")).isEmpty();
        Topics.find("laku.payment", r -> sessionId.equals(r.key()) && "RefundIssued".equals(Topics.header(r, "eventType")),
                Money.DEADLINE);
        // the admin sees such callbacks; nobody else does
        var mismatches = Platform.as(Money.ADMIN, "admin").queryParam("sessionId", sessionId)
                .get(Platform.PAYMENT + "/api/payments/amount-mismatches").then().statusCode(200).extract().jsonPath();
        assertThat(mismatches.getLong("total")).isEqualTo(1);
        assertThat(mismatches.getLong("items[0].invoiceAmount")).isEqualTo(200_000);
        assertThat(mismatches.getLong("items[0].paidAmount")).isEqualTo(150_000);
        assertThat(mismatches.getLong("items[0].refunded")).isEqualTo(150_000);
        assertThat(mismatches.getString("items[0].userId")).isEqualTo(user.toString());
        assertThat(mismatches.getString("items[0].refundId")).isNotBlank();
        Platform.as(user, "customer").get(Platform.PAYMENT + "/api/payments/amount-mismatches").then().statusCode(403);
        Platform.as(Money.ADMIN, "admin").queryParam("sessionId", "x")
                .get(Platform.PAYMENT + "/api/payments/amount-mismatches").then().statusCode(400);
        // the customer is told why the money came back
        assertThat(Notices.awaitMessage(user, "refund_credited")).contains("was not the amount of your invoice");

        // the right callback then pays it; EXPIRED after PAID changes nothing
        gateway(Platform.CALLBACK_TOKEN).body(paid).post(WEBHOOK).then().statusCode(200).body("result", equalTo("paid"));
        gateway(Platform.CALLBACK_TOKEN).body(paid).post(WEBHOOK).then().statusCode(200).body("result", equalTo("duplicate"));
        gateway(Platform.CALLBACK_TOKEN).body(body(payment, "EXPIRED", 0)).post(WEBHOOK).then().statusCode(200)
                .body("result", equalTo("ignored"));
        assertThat(Money.payments(sessionId).getFirst().get("status")).isEqualTo("paid");
        assertThat(Money.ledger(sessionId).getLong("paidIn")).isEqualTo(150_000 + 200_000);
        assertThat(Money.ledger(sessionId).getLong("escrowBalance")).isEqualTo(200_000);
        assertThat(Money.wallet(user)).isEqualTo(150_000);
    }

    @Test
    void paidAfterExpiredIsALatePaymentRefundedToTheWallet() {
        String sessionId = UUID.randomUUID().toString();
        UUID user = UUID.randomUUID();
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, UUID.randomUUID(), UUID.randomUUID(), user, 2, 200_000));
        Map<String, Object> payment = Money.awaitInvoices(sessionId, 1).getFirst();

        gateway(Platform.CALLBACK_TOKEN).body(body(payment, "EXPIRED", 0)).post(WEBHOOK).then().statusCode(200)
                .body("result", equalTo("expired"));
        gateway(Platform.CALLBACK_TOKEN).body(body(payment, "PAID", 400_000)).post(WEBHOOK).then().statusCode(200)
                .body("result", equalTo("late_payment_refunded"));

        Money.awaitWallet(user, 400_000);
        assertThat(Money.payments(sessionId).getFirst().get("status")).isEqualTo("late_paid");
        var ledger = Money.ledger(sessionId);
        assertThat(ledger.getLong("paidIn")).isEqualTo(400_000);
        assertThat(ledger.getLong("refunded")).isEqualTo(400_000);
        assertThat(ledger.getLong("escrowBalance")).isZero();
        Topics.find("laku.payment", r -> sessionId.equals(r.key()) && "RefundIssued".equals(Topics.header(r, "eventType")),
                Money.DEADLINE);
    }

    /** 1,000 callbacks (PAID and EXPIRED, each repeated) for 100 invoices, shuffled and concurrent. */
    @Test
    void aThousandDuplicatedReorderedCallbacksEndWithOnePaidStatePerInvoiceAndNoDoubleCredit() throws Exception {
        String sessionId = UUID.randomUUID().toString();
        UUID factory = UUID.randomUUID();
        for (int i = 0; i < 100; i++) {
            SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, UUID.randomUUID(), UUID.randomUUID(),
                    1 + i % 5, 100_000));
        }
        List<Map<String, Object>> invoices = await("100 invoices").atMost(Duration.ofSeconds(120))
                .pollInterval(Duration.ofSeconds(1)).until(() -> Money.payments(sessionId), list -> list.size() == 100
                        && list.stream().allMatch(p -> "awaiting_payment".equals(p.get("status"))));

        List<String> callbacks = new ArrayList<>();
        for (Map<String, Object> payment : invoices) {
            long amount = ((Number) payment.get("amount")).longValue();
            for (int k = 0; k < 7; k++) {
                callbacks.add(body(payment, "PAID", amount));
            }
            for (int k = 0; k < 3; k++) {
                callbacks.add(body(payment, "EXPIRED", 0));
            }
        }
        Collections.shuffle(callbacks, new Random(42));
        assertThat(callbacks).hasSize(1000);

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        List<Integer> statuses;
        try (ExecutorService pool = Executors.newFixedThreadPool(16)) {
            List<Future<Integer>> sent = new ArrayList<>();
            for (String callback : callbacks) {
                sent.add(pool.submit(() -> http.send(HttpRequest.newBuilder(URI.create(WEBHOOK))
                        .timeout(Duration.ofSeconds(60))
                        .header("Content-Type", "application/json")
                        .header("x-callback-token", Platform.CALLBACK_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(callback)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode()));
            }
            statuses = new ArrayList<>();
            for (Future<Integer> f : sent) {
                statuses.add(f.get());
            }
        }
        assertThat(statuses).containsOnly(200);

        List<Map<String, Object>> after = Money.payments(sessionId);
        // every invoice was paid exactly once: paid, or (EXPIRED processed first) a late payment refunded once
        assertThat(after).allMatch(p -> "paid".equals(p.get("status")) || "late_paid".equals(p.get("status")));
        long late = after.stream().filter(p -> "late_paid".equals(p.get("status"))).count();
        long total = after.stream().mapToLong(p -> ((Number) p.get("amount")).longValue()).sum();
        long lateTotal = after.stream().filter(p -> "late_paid".equals(p.get("status")))
                .mapToLong(p -> ((Number) p.get("amount")).longValue()).sum();
        var ledger = Money.ledger(sessionId);
        assertThat(ledger.getLong("paidIn")).isEqualTo(total);
        assertThat(ledger.getLong("refunded")).isEqualTo(lateTotal);
        assertThat(ledger.getList("entries")).hasSize((int) (100 + late));
        try (Connection db = Platform.database("payment");
                PreparedStatement query = db.prepareStatement("""
                        select count(*), count(distinct callback_key) from webhook_event w join payment p on p.id = w.payment_id
                        where p.session_id = ?::uuid""")) {
            query.setString(1, sessionId);
            try (ResultSet rs = query.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(200); // one PAID and one EXPIRED per invoice, once each
                assertThat(rs.getLong(2)).isEqualTo(200);
            }
        }
        // no double credit: each late payer's wallet holds exactly their one refund
        for (Map<String, Object> p : after) {
            if ("late_paid".equals(p.get("status"))) {
                Money.awaitWallet(UUID.fromString((String) p.get("userId")), ((Number) p.get("amount")).longValue());
            }
        }
    }
}
