package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Payment, gateway and wallet helpers for the money flows. */
final class Money {

    static final Duration DEADLINE = Duration.ofSeconds(60);
    static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000ad01");

    private Money() {
    }

    static List<Map<String, Object>> payments(String sessionId) {
        return as(ADMIN, "admin").queryParam("sessionId", sessionId).get(Platform.PAYMENT + "/api/payments")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** Waits until the session has n payments, all with an open invoice. */
    static List<Map<String, Object>> awaitInvoices(String sessionId, int n) {
        return await("invoices of session " + sessionId).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> payments(sessionId), list -> list.size() == n
                        && list.stream().allMatch(p -> "awaiting_payment".equals(p.get("status")) && p.get("invoiceUrl") != null));
    }

    static List<Map<String, Object>> awaitStatuses(String sessionId, int n, String status) {
        return await("payments of session " + sessionId + " " + status).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> payments(sessionId), list -> list.size() == n
                        && list.stream().allMatch(p -> status.equals(p.get("status"))));
    }

    /** The customer pays on the gateway's hosted page: the gateway sends the real PAID callback. */
    static void pay(Map<String, Object> payment) {
        RestAssured.given().post(Platform.GATEWAY + "/pay/" + payment.get("invoiceId")).then().statusCode(200);
    }

    static long wallet(UUID user) {
        return as(user, "customer").get(Platform.WALLET + "/api/wallet/" + user).then().statusCode(200)
                .extract().jsonPath().getLong("balance");
    }

    static long awaitWallet(UUID user, long expected) {
        return await("wallet of " + user + " = " + expected).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> wallet(user), balance -> balance == expected);
    }

    static JsonPath ledger(String sessionId) {
        return as(ADMIN, "admin").queryParam("sessionId", sessionId).get(Platform.PAYMENT + "/api/payments/ledger")
                .then().statusCode(200).extract().jsonPath();
    }

    /**
     * The session's money is right: paid in = refunded + released, nothing left in escrow, and the ledger's own checks
     * (no release to another factory, no money of a seat outside the outcome in a release, no seat refunded more than
     * it paid) find nothing.
     */
    static JsonPath assertEscrowSettled(String sessionId) {
        JsonPath ledger = await("the escrow of " + sessionId + " settled").atMost(DEADLINE).pollInterval(Duration.ofMillis(500))
                .until(() -> ledger(sessionId), l -> l.getBoolean("outcomeComplete") && l.getLong("escrowBalance") == 0);
        org.assertj.core.api.Assertions.assertThat(ledger.getBoolean("balanced")).as("ledger balanced").isTrue();
        org.assertj.core.api.Assertions.assertThat(ledger.getList("violations", String.class))
                .as("the ledger's checks of session " + sessionId).isEmpty();
        org.assertj.core.api.Assertions.assertThat(ledger.getLong("paidIn"))
                .isEqualTo(ledger.getLong("refunded") + ledger.getLong("released"));
        return ledger;
    }
}
