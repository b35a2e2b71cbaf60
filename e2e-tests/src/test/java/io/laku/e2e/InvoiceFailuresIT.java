package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.laku.contracts.payment.PaymentExpired;
import io.restassured.RestAssured;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

/**
 * Invoices the gateway cannot make, makes slowly, or makes after the customer already paid: the gateway simulator's
 * faults and latency per session (its invoices' description names the session).
 */
class InvoiceFailuresIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";

    /** The gateway refuses the invoice (400): no retry, the seat is released and the customer told; others go on. */
    @Test
    void anInvoiceTheGatewayRefusesFailsAtOnceReleasesTheSeatAndTellsTheCustomer() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID refused = Products.openSession(hoodie);
        UUID fine = Products.openSession(hoodie);
        long rule = GatewayFaults.arm("create", refused.toString(), 400, 0, null);
        try {
            UUID b = UUID.randomUUID();
            UUID seat = Products.joinAs(b, refused, hoodie.variant("M"), 2);
            UUID c = UUID.randomUUID();
            Products.joinAs(c, fine, hoodie.variant("M"), 2);

            Map<String, Object> failed = Money.awaitStatuses(refused.toString(), 1, "invoice_failed").getFirst();
            assertThat(failed.get("gatewayAttempts")).as("a refusal is not tried again").isEqualTo(1);
            assertThat((String) failed.get("lastGatewayError")).contains("400");
            assertThat(failed.get("invoiceUrl")).isNull();
            Money.awaitInvoices(fine.toString(), 1);

            ConsumerRecord<String, byte[]> record = Topics.find("laku.payment", r -> refused.toString().equals(r.key())
                    && "PaymentExpired".equals(Topics.header(r, "eventType")), Money.DEADLINE);
            PaymentExpired expired = Topics.decode(record);
            assertThat(expired.getReason()).isEqualTo("INVOICE_FAILED");
            assertThat(expired.getParticipantId()).isEqualTo(seat.toString());

            await("group-buying released the seat").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> "expired".equals(as(b, "customer").get(API + refused + "/participants/" + seat).then()
                            .extract().path("status")));
            Map<String, Map<String, Integer>> tally = as(Saga.ADMIN, "admin").get(API + refused + "/tally").then()
                    .statusCode(200).extract().jsonPath().getMap("");
            assertThat(tally.get(hoodie.variant("M").toString())).as("the seat's units are free again")
                    .containsEntry("awaiting", 0).containsEntry("paid", 0);
            assertThat(Notices.awaitMessage(b, "invoice_failed")).contains("could not create the payment link");
            assertThat(GatewayFaults.applied(rule)).isEqualTo(1);
        } finally {
            GatewayFaults.remove(rule);
        }
        assertThat(Saga.expire(refused)).isEqualTo("failed");
        Money.assertEscrowSettled(refused.toString());
    }

    /** The gateway fails twice (503): the invoice is made on the third attempt, after the backoff. */
    @Test
    void aGatewayThatFailsForAWhileIsTriedAgainAfterABackoff() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        long rule = GatewayFaults.arm("create", session.toString(), 503, 0, 2);
        try {
            UUID b = UUID.randomUUID();
            UUID seat = Products.joinAs(b, session, hoodie.variant("M"), 2);
            Map<String, Object> made = Money.awaitInvoices(session.toString(), 1).getFirst();
            assertThat(made.get("gatewayAttempts")).isEqualTo(3);
            assertThat((String) made.get("lastGatewayError")).contains("503");
            assertThat(GatewayFaults.applied(rule)).isEqualTo(2);
            await("the payment link shows").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> as(b, "customer").get(API + session + "/participants/" + seat).then()
                            .extract().path("paymentUrl") != null);
        } finally {
            GatewayFaults.remove(rule);
        }
    }

    /**
     * One session's invoices take 4 s each at the gateway (70 seats: more than the worker's calls in flight); another
     * session's invoices are made meanwhile, while the slow one is still waiting for most of its own.
     */
    @Test
    void aSlowGatewayForOneSessionHoldsUpNoOtherSession() {
        String slow = UUID.randomUUID().toString();
        String fast = UUID.randomUUID().toString();
        UUID factory = UUID.randomUUID();
        long rule = GatewayFaults.arm("create", slow, null, 4_000, null); // under the client's 5 s read timeout
        try {
            for (int i = 0; i < 70; i++) {
                SessionEvents.publish(slow, SessionEvents.joined(slow, factory, UUID.randomUUID(), UUID.randomUUID(), 1,
                        100_000));
            }
            await("70 payments of the slow session").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> Money.payments(slow).size() == 70);
            await("the slow session's first calls are at the gateway").atMost(Money.DEADLINE)
                    .pollInterval(Duration.ofMillis(100)).until(() -> GatewayFaults.applied(rule) >= 1);
            for (int i = 0; i < 3; i++) {
                SessionEvents.publish(fast, SessionEvents.joined(fast, factory, UUID.randomUUID(), UUID.randomUUID(), 1,
                        100_000));
            }
            Money.awaitInvoices(fast, 3);
            long stillWaiting = Money.payments(slow).stream().filter(p -> "pending_invoice".equals(p.get("status")))
                    .count();
            assertThat(stillWaiting).as("the slow session's invoices still being made when the other's were done")
                    .isPositive();

            await("every slow invoice made in the end").atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofSeconds(1))
                    .until(() -> Money.payments(slow).stream().allMatch(p -> "awaiting_payment".equals(p.get("status"))));
            assertThat(Topics.all("laku.payment", r -> slow.equals(r.key())
                    && "PaymentInvoiceCreated".equals(Topics.header(r, "eventType")))).hasSize(70);
        } finally {
            GatewayFaults.remove(rule);
        }
    }

    /**
     * The gateway makes the invoice at once but answers the worker late; the customer finds the invoice and pays before
     * the worker stored it. The invoice is stored and announced (PaymentInvoiceCreated, then PaymentPaid), once.
     */
    @Test
    void aPaidCallbackThatOutrunsTheWorkerStillStoresAndAnnouncesTheInvoice() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
        body.put("botAllowed", false);
        UUID session = Products.openSession(hoodie, body);
        Duration late = Duration.ofSeconds(5);
        long rule = GatewayFaults.arm("create", session.toString(), null, late.toMillis(), null);
        Instant armed = Instant.now();
        try {
            UUID b = UUID.randomUUID();
            UUID seat = Products.joinAs(b, session, hoodie.variant("M"), 2);
            String paymentId = (String) await("the payment row").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(100))
                    .until(() -> Money.payments(session.toString()), list -> list.size() == 1).getFirst().get("id");
            Map<String, Object> invoice = await("the invoice exists at the gateway").atMost(Money.DEADLINE)
                    .pollInterval(Duration.ofMillis(100)).until(() -> GatewayFaults.invoicesOf(paymentId), l -> !l.isEmpty())
                    .getFirst();
            assertThat(Money.payments(session.toString()).getFirst().get("invoiceUrl")).as("not stored yet").isNull();

            RestAssured.given().post(Platform.GATEWAY + "/pay/" + invoice.get("id")).then().statusCode(200);

            Map<String, Object> paid = Money.awaitStatuses(session.toString(), 1, "paid").getFirst();
            assertThat(paid.get("invoiceId")).isEqualTo(invoice.get("id"));
            assertThat(paid.get("invoiceUrl")).isEqualTo(invoice.get("invoice_url"));
            await("group-buying shows the link and the payment").atMost(Money.DEADLINE)
                    .pollInterval(Duration.ofMillis(300)).until(() -> {
                        var p = as(b, "customer").get(API + session + "/participants/" + seat).then().extract().jsonPath();
                        return "paid".equals(p.getString("status")) && invoice.get("invoice_url").equals(p.getString("paymentUrl"));
                    });
            // the worker's late answer changes nothing: one announcement of the link, before the payment's
            await("the worker had its late answer").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(500))
                    .until(() -> Instant.now().isAfter(armed.plus(late).plusSeconds(3)));
            List<ConsumerRecord<String, byte[]>> created = Topics.all("laku.payment", r -> session.toString().equals(r.key())
                    && "PaymentInvoiceCreated".equals(Topics.header(r, "eventType")));
            List<ConsumerRecord<String, byte[]>> paidEvents = Topics.all("laku.payment", r -> session.toString().equals(r.key())
                    && "PaymentPaid".equals(Topics.header(r, "eventType")));
            assertThat(created).hasSize(1);
            assertThat(paidEvents).hasSize(1);
            assertThat(created.getFirst().offset()).isLessThan(paidEvents.getFirst().offset());
            assertThat(Money.payments(session.toString()).getFirst().get("status")).isEqualTo("paid");
        } finally {
            GatewayFaults.remove(rule);
        }
        assertThat(Saga.expire(session)).isEqualTo("failed");
        Money.assertEscrowSettled(session.toString());
    }
}
