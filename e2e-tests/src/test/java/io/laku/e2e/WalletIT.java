package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.payment.RefundReason;
import io.laku.contracts.session.ParticipantLeft;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A wallet: credited by a refund, debited once per reference (the same reference for another amount: 409), never
 * below zero, owner or admin only; an admin's reference never stands for a refund.
 */
class WalletIT {

    @Test
    void debitsAreIdempotentNeverNegativeAndTheHistoryIsPaged() {
        String sessionId = UUID.randomUUID().toString();
        UUID user = UUID.randomUUID();
        UUID seat = UUID.randomUUID();
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, UUID.randomUUID(), seat, user, 2, 200_000));
        Money.awaitInvoices(sessionId, 1).forEach(Money::pay);
        Money.awaitStatuses(sessionId, 1, "paid");
        SessionEvents.publish(sessionId, ParticipantLeft.newBuilder().setSessionId(sessionId).setParticipantId(seat.toString())
                .setUserId(user.toString()).setVariantId(UUID.randomUUID().toString()).setQuantity(2).setPaid(true)
                .setLeftAt(Instant.now()).build());
        Money.awaitWallet(user, 400_000);

        String debit = Platform.WALLET + "/api/wallet/" + user + "/debit";
        String first = as(Money.ADMIN, "admin").body(Map.of("amount", 150_000, "reference", "order-1", "reason", "test"))
                .post(debit).then().statusCode(200).body("balanceAfter", equalTo(250_000)).extract().path("id");
        String again = as(Money.ADMIN, "admin").body(Map.of("amount", 150_000, "reference", "order-1"))
                .post(debit).then().statusCode(200).body("balanceAfter", equalTo(250_000)).extract().path("id");
        assertThat(again).isEqualTo(first);
        // the same reference asking for another amount names another movement: refused, nothing moves
        as(Money.ADMIN, "admin").body(Map.of("amount", 99, "reference", "order-1")).post(debit).then().statusCode(409)
                .contentType("application/problem+json")
                .body("type", equalTo("https://laku.io/problems/reference-conflict"))
                .body("field", equalTo("reference")).body("amount", equalTo(150_000)).body("kind", equalTo("debit"));
        as(Money.ADMIN, "admin").body(Map.of("amount", 250_001, "reference", "order-2")).post(debit)
                .then().statusCode(409).body("type", equalTo("https://laku.io/problems/insufficient-funds"));
        as(Money.ADMIN, "admin").body(Map.of("amount", 0, "reference", "order-3")).post(debit).then().statusCode(400);
        as(user, "customer").body(Map.of("amount", 1, "reference", "mine")).post(debit).then().statusCode(403);
        assertThat(Money.wallet(user)).isEqualTo(250_000);

        as(user, "customer").queryParam("size", 1).get(Platform.WALLET + "/api/wallet/" + user + "/transactions")
                .then().statusCode(200).body("total", equalTo(2)).body("items.size()", equalTo(1))
                .body("items[0].kind", equalTo("debit"));
        as(UUID.randomUUID(), "customer").get(Platform.WALLET + "/api/wallet/" + user + "/transactions").then().statusCode(403);
        Platform.anonymous().get(Platform.WALLET + "/api/wallet/" + user).then().statusCode(401);
        // a wallet that was never credited reads 0
        UUID nobody = UUID.randomUUID();
        assertThat(Money.wallet(nobody)).isZero();
    }

    @Test
    void anAdminDebitWhoseReferenceIsALaterRefundsIdNeverSwallowsThatRefund() {
        UUID user = UUID.randomUUID();
        UUID session = UUID.randomUUID();
        PaymentEvents.publish(session, refund(session, UUID.randomUUID(), user, 500_000));
        Money.awaitWallet(user, 500_000);

        UUID laterRefund = UUID.randomUUID();
        as(Money.ADMIN, "admin").body(Map.of("amount", 200_000, "reference", laterRefund.toString()))
                .post(Platform.WALLET + "/api/wallet/" + user + "/debit").then().statusCode(200)
                .body("balanceAfter", equalTo(300_000)).body("source", equalTo("admin"));
        PaymentEvents.publish(session, refund(session, laterRefund, user, 200_000));

        // the refund is credited although an admin's debit used its id as reference: 300,000 + 200,000
        Money.awaitWallet(user, 500_000);
        as(user, "customer").get(Platform.WALLET + "/api/wallet/" + user + "/transactions").then().statusCode(200)
                .body("total", equalTo(3)).body("items[0].kind", equalTo("credit"))
                .body("items[0].source", equalTo("refund")).body("items[0].reference", equalTo(laterRefund.toString()));
    }

    private static RefundIssued refund(UUID session, UUID refundId, UUID user, long amount) {
        return RefundIssued.newBuilder().setSessionId(session.toString()).setRefundId(refundId.toString())
                .setPaymentId(UUID.randomUUID().toString()).setParticipantId(UUID.randomUUID().toString())
                .setUserId(user.toString()).setAmount(amount).setReason(RefundReason.PARTICIPANT_LEFT)
                .setIssuedAt(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MILLIS)).build();
    }
}
