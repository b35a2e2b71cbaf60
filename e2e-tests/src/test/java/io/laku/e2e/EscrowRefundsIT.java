package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.VariantDemand;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * Escrow through the gateway simulator with real callbacks, tier refunds, full refunds and release. The test plays
 * group-buying: it publishes ParticipantJoined and the session's outcome (seat by seat) onto laku.session.
 */
class EscrowRefundsIT {

    private static final long GROUP_PRICE = 200_000;

    /** The seed's Test 2: three users pay 10, 15, 20 units at 200,000; the session ends at tier 25 (150,000). */
    @Test
    void tierRefundsReachTheWalletsAndTheLedgerBalances() {
        String sessionId = UUID.randomUUID().toString();
        UUID factory = UUID.randomUUID();
        UUID[] users = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        UUID[] participants = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        long[] units = {10, 15, 20};
        for (int i = 0; i < 3; i++) {
            SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, participants[i], users[i], units[i], GROUP_PRICE));
        }

        List<Map<String, Object>> invoices = Money.awaitInvoices(sessionId, 3);
        assertThat(invoices).extracting(p -> ((Number) p.get("amount")).longValue())
                .containsExactlyInAnyOrder(2_000_000L, 3_000_000L, 4_000_000L);
        ConsumerRecord<String, byte[]> created = Topics.find("laku.payment",
                r -> sessionId.equals(r.key()) && "PaymentInvoiceCreated".equals(Topics.header(r, "eventType")), Money.DEADLINE);
        assertThat(Topics.header(created, "id")).isNotBlank();

        invoices.forEach(Money::pay);
        Money.awaitStatuses(sessionId, 3, "paid");
        Topics.find("laku.payment",
                r -> sessionId.equals(r.key()) && "PaymentPaid".equals(Topics.header(r, "eventType")), Money.DEADLINE);

        SessionEvents.Outcome confirmed = SessionEvents.confirmed(sessionId, factory, 25, GROUP_PRICE, 150_000, List.of(
                SessionEvents.confirmedParticipant(participants[0], users[0], 10, GROUP_PRICE, 150_000),
                SessionEvents.confirmedParticipant(participants[1], users[1], 15, GROUP_PRICE, 150_000),
                SessionEvents.confirmedParticipant(participants[2], users[2], 20, GROUP_PRICE, 150_000)));
        // 45 units the warehouse does not have: it orders them from the factory, so no order exists until this
        // test says so below (the real warehouse and order services run alongside)
        confirmed.confirmed().setDemand(List.of(VariantDemand.newBuilder().setVariantId(UUID.randomUUID().toString())
                .setVariantName("M").setUnits(45).build()));
        SessionEvents.publish(sessionId, confirmed);

        Money.awaitWallet(users[0], 500_000);
        Money.awaitWallet(users[1], 750_000);
        Money.awaitWallet(users[2], 1_000_000);

        JsonPath ledger = Money.ledger(sessionId);
        assertThat(ledger.getLong("paidIn")).isEqualTo(9_000_000);
        assertThat(ledger.getLong("refunded")).isEqualTo(2_250_000);
        assertThat(ledger.getLong("escrowBalance")).isEqualTo(6_750_000);
        assertThat(ledger.getBoolean("balanced")).isTrue();

        // the saga's last step waits for both facts: production done alone releases nothing...
        RecordMetadata production = SessionEvents.publish(sessionId, SessionEvents.productionCompleted(sessionId, factory));
        await("payment consumed ProductionCompleted").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Topics.consumedPast("payment", production));
        assertThat(Money.ledger(sessionId).getLong("escrowBalance")).isEqualTo(6_750_000);
        // ...and once the orders exist, what remains goes to the factory, and the session's escrow is 0
        Events.publish("laku.order", sessionId, OrdersCreated.newBuilder().setSessionId(sessionId).setOrderCount(3)
                .setCreatedAt(Instant.now()).build());
        JsonPath settled = await("escrow released").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Money.ledger(sessionId), l -> l.getLong("released") > 0);
        assertThat(settled.getLong("released")).isEqualTo(6_750_000);
        assertThat(settled.getLong("escrowBalance")).isZero();
        assertThat(settled.getLong("paidIn")).isEqualTo(settled.getLong("refunded") + settled.getLong("released"));
        assertThat(settled.getList("entries")).hasSize(7); // 3 in, 3 tier refunds, 1 release
        Topics.find("laku.payment",
                r -> sessionId.equals(r.key()) && "EscrowReleased".equals(Topics.header(r, "eventType")), Money.DEADLINE);

        // wallet history shows the refund, and another customer cannot read it
        as(users[0], "customer").get(Platform.WALLET + "/api/wallet/" + users[0] + "/transactions")
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(as(users[0], "customer").get(Platform.WALLET + "/api/wallet/" + users[0] + "/transactions")
                .then().extract().jsonPath().getLong("total")).isEqualTo(1);
        as(users[1], "customer").get(Platform.WALLET + "/api/wallet/" + users[0]).then().statusCode(403);
        as(users[0], "customer").queryParam("sessionId", sessionId).get(Platform.PAYMENT + "/api/payments/ledger")
                .then().statusCode(403);
        Money.assertEscrowSettled(sessionId);
    }

    /** The sad path: a failed session refunds every paid seat in full, exactly once; open invoices expire. */
    @Test
    void aFailedSessionRefundsEveryPaidSeatInFullExactlyOnce() {
        String sessionId = UUID.randomUUID().toString();
        UUID factory = UUID.randomUUID();
        UUID payer1 = UUID.randomUUID();
        UUID payer2 = UUID.randomUUID();
        UUID unpaid = UUID.randomUUID();
        UUID seat1 = UUID.randomUUID();
        UUID seat2 = UUID.randomUUID();
        UUID unpaidSeat = UUID.randomUUID();
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, seat1, payer1, 3, GROUP_PRICE));
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, seat2, payer2, 5, GROUP_PRICE));
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, unpaidSeat, unpaid, 2, GROUP_PRICE));
        List<Map<String, Object>> invoices = Money.awaitInvoices(sessionId, 3);
        invoices.stream().filter(p -> !unpaid.toString().equals(p.get("userId"))).forEach(Money::pay);
        await("two seats paid").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Money.payments(sessionId).stream().filter(p -> "paid".equals(p.get("status"))).count() == 2);

        var failed = SessionEvents.failed(sessionId, factory, List.of(
                SessionEvents.paidSeat(seat1, payer1, 3, GROUP_PRICE), SessionEvents.paidSeat(seat2, payer2, 5, GROUP_PRICE),
                SessionEvents.unpaidSeat(unpaidSeat, unpaid, 2, GROUP_PRICE)));
        RecordMetadata first = SessionEvents.publish(sessionId, failed);
        Money.awaitWallet(payer1, 600_000);
        Money.awaitWallet(payer2, 1_000_000);

        // the unpaid seat's invoice is expired at the gateway, and its EXPIRED callback releases the seat
        Map<String, Object> open = invoices.stream().filter(p -> unpaid.toString().equals(p.get("userId"))).findFirst().orElseThrow();
        await("unpaid invoice expired").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Money.payments(sessionId).stream().anyMatch(p -> open.get("id").equals(p.get("id"))
                        && "expired".equals(p.get("status"))));
        assertThat(RestAssured.given().auth().preemptive().basic("xnd_development_laku_local", "")
                .get(Platform.GATEWAY + "/v2/invoices/" + open.get("invoiceId")).then().statusCode(200)
                .extract().jsonPath().getString("status")).isEqualTo("EXPIRED");

        // the same outcome again: redelivered (same event id) and re-announced (a new event id)
        ConsumerRecord<String, byte[]> published = Topics.find("laku.session",
                r -> sessionId.equals(r.key()) && "SessionFailed".equals(Topics.header(r, "eventType")), Money.DEADLINE);
        RecordMetadata replayed = Topics.replay(published);
        RecordMetadata again = SessionEvents.publish(sessionId, failed);
        await("payment consumed the repeats").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> Topics.consumedPast("payment", first) && Topics.consumedPast("payment", replayed)
                        && Topics.consumedPast("payment", again));
        Topics.find("laku.payment", r -> sessionId.equals(r.key()) && "RefundIssued".equals(Topics.header(r, "eventType")),
                Money.DEADLINE);

        assertThat(Money.wallet(payer1)).isEqualTo(600_000);
        assertThat(Money.wallet(payer2)).isEqualTo(1_000_000);
        assertThat(Money.wallet(unpaid)).isZero();
        JsonPath ledger = Money.ledger(sessionId);
        assertThat(ledger.getLong("paidIn")).isEqualTo(1_600_000);
        assertThat(ledger.getLong("refunded")).isEqualTo(1_600_000);
        assertThat(ledger.getLong("escrowBalance")).isZero();
        assertThat(ledger.getList("entries")).hasSize(4);
        Money.assertEscrowSettled(sessionId);
    }

    /** A paid participant who leaves gets the seat back in full; a cancelled session refunds the rest in full. */
    @Test
    void aLeavingPaidParticipantAndACancelledSessionAreRefundedInFull() {
        String sessionId = UUID.randomUUID().toString();
        UUID factory = UUID.randomUUID();
        UUID leaver = UUID.randomUUID();
        UUID stayer = UUID.randomUUID();
        UUID leaverSeat = UUID.randomUUID();
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, leaverSeat, leaver, 2, GROUP_PRICE));
        UUID stayerSeat = UUID.randomUUID();
        SessionEvents.publish(sessionId, SessionEvents.joined(sessionId, factory, stayerSeat, stayer, 7, GROUP_PRICE));
        Money.awaitInvoices(sessionId, 2).forEach(Money::pay);
        Money.awaitStatuses(sessionId, 2, "paid");

        SessionEvents.publish(sessionId, ParticipantLeft.newBuilder().setSessionId(sessionId)
                .setParticipantId(leaverSeat.toString()).setUserId(leaver.toString())
                .setVariantId(UUID.randomUUID().toString()).setQuantity(2).setPaid(true).setLeftAt(Instant.now()).build());
        Money.awaitWallet(leaver, 400_000);

        SessionEvents.publish(sessionId, SessionEvents.cancelled(sessionId, factory, "test",
                List.of(SessionEvents.paidSeat(stayerSeat, stayer, 7, GROUP_PRICE))));
        Money.awaitWallet(stayer, 1_400_000);

        JsonPath ledger = Money.ledger(sessionId);
        assertThat(ledger.getLong("paidIn")).isEqualTo(1_800_000);
        assertThat(ledger.getLong("refunded")).isEqualTo(1_800_000);
        assertThat(ledger.getLong("escrowBalance")).isZero();
        assertThat(ledger.getList("entries.reference", String.class))
                .anyMatch(r -> r.endsWith(":PARTICIPANT_LEFT")).anyMatch(r -> r.endsWith(":SESSION_CANCELLED"));
        assertThat(Money.wallet(leaver)).isEqualTo(400_000); // the leaver is not refunded twice by the cancellation
        Money.assertEscrowSettled(sessionId);
    }
}
