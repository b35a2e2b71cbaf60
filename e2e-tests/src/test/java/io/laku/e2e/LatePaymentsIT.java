package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.RestAssured;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Payment's rule for money at the edges (SPEC §5): money captured for a seat that is not a paid participant of the
 * session's outcome (dropped at expiry, left, paid after its invoice expired) is refunded in full to the customer's
 * wallet, once, with a notice saying why; and no factory payout contains it. Everything over REST and the gateway's
 * hosted pay page, as people do it.
 */
class LatePaymentsIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";
    private static final String LATE_WORDING = "your payment arrived after your seat had closed";

    /** One round of the race: A paid 5 of MOQ 10 before; B joined 2 and pays at the deadline. */
    record Round(int n, UUID session, UUID a, UUID b, Map<String, Object> bPayment, long offsetMs, boolean payFirst) {
    }

    /**
     * The race, 20 times: B pays on the gateway's page while the admin expires the session, the payment offset
     * from the expiry by 0 to 300 ms (paying first in odd rounds, expiring first in even ones). Whatever the
     * interleaving, B's money is either in the outcome (an order, and the tier refund) or refunded in full as a late
     * payment; never released to the factory. 7 of MOQ 10 and 5 of MOQ 10 are both tier 50 (135,000), so A's money
     * is the same either way.
     */
    @Test
    void aPaymentAtTheDeadlineIsOrderedOrRefundedInFullInTwentyRounds() throws Exception {
        int rounds = 20;
        UUID factory = UUID.randomUUID();
        Products.Product hoodie = Products.premiumHoodie(factory);
        Saga.stock(hoodie.variant("M"), rounds * 7L);
        List<Round> prepared = new ArrayList<>();
        for (int i = 0; i < rounds; i++) {
            Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
            body.put("targetMoq", 10);
            UUID session = Products.openSession(hoodie, body);
            UUID a = UUID.randomUUID();
            UUID b = UUID.randomUUID();
            Products.joinAs(a, session, hoodie.variant("M"), 5);
            Products.joinAs(b, session, hoodie.variant("M"), 2);
            prepared.add(new Round(i, session, a, b, null, Math.round(i * 300.0 / (rounds - 1)), i % 2 == 1));
        }
        List<Round> ready = new ArrayList<>();
        for (Round round : prepared) {
            List<Map<String, Object>> invoices = Money.awaitInvoices(round.session().toString(), 2);
            Money.pay(invoices.stream().filter(p -> round.a().toString().equals(p.get("userId"))).findFirst().orElseThrow());
            Map<String, Object> bPayment = invoices.stream().filter(p -> round.b().toString().equals(p.get("userId")))
                    .findFirst().orElseThrow();
            ready.add(new Round(round.n(), round.session(), round.a(), round.b(), bPayment, round.offsetMs(),
                    round.payFirst()));
        }
        for (Round round : ready) {
            await("A's 5 units counted in round " + round.n()).atMost(Saga.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> Saga.session(round.session()).getLong("stats.paidUnits") == 5);
        }

        List<String> payStatuses = new ArrayList<>();
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        try {
            for (Round round : ready) {
                long payAt = round.payFirst() ? 0 : round.offsetMs();
                long expireAt = round.payFirst() ? round.offsetMs() : 0;
                ScheduledFuture<String> pay = clock.schedule(() -> RestAssured.given()
                        .post(Platform.GATEWAY + "/pay/" + round.bPayment().get("invoiceId")).then().statusCode(200)
                        .extract().<String>path("status"), payAt, TimeUnit.MILLISECONDS);
                ScheduledFuture<String> expire = clock.schedule(() -> Saga.expire(round.session()), expireAt,
                        TimeUnit.MILLISECONDS);
                assertThat(expire.get(60, TimeUnit.SECONDS)).isEqualTo("confirmed");
                payStatuses.add(pay.get(60, TimeUnit.SECONDS));
            }
        } finally {
            clock.shutdownNow();
        }

        int ordered = 0;
        int refunded = 0;
        int unpaid = 0;
        for (Round round : ready) {
            String session = round.session().toString();
            Saga.awaitStatus(round.session(), "success");
            Money.assertEscrowSettled(session);
            Money.awaitWallet(round.a(), 5 * 65_000);
            // B's callback may still be on its way (the gateway retries it): wait until B's payment has settled
            Map<String, Object> b = await("B's payment settled in round " + round.n()).atMost(Money.DEADLINE)
                    .pollInterval(Duration.ofMillis(300))
                    .until(() -> Money.payments(session).stream().filter(p -> round.b().toString().equals(p.get("userId")))
                            .findFirst().orElseThrow(), p -> List.of("paid", "late_paid", "expired").contains(p.get("status")));
            List<Map<String, Object>> orders = Saga.orders(round.session());
            List<Map<String, Object>> bOrders = orders.stream().filter(o -> round.b().toString().equals(o.get("userId")))
                    .toList();
            String how = "round " + round.n() + " (" + (round.payFirst() ? "pay, then expire " : "expire, then pay ")
                    + round.offsetMs() + " ms later): B's payment " + b;
            switch ((String) b.get("status")) {
                case "paid" -> { // counted in the outcome: an order, and the tier refund (200,000 - 135,000) x 2
                    assertThat(b.get("seatOutcome")).as(how).isEqualTo("confirmed");
                    assertThat(bOrders).as(how).hasSize(1);
                    assertThat(Money.awaitWallet(round.b(), 2 * 65_000)).as(how).isEqualTo(130_000);
                    ordered++;
                }
                case "late_paid" -> { // not in the outcome: all of it back, no order, and the customer told why
                    assertThat(bOrders).as(how).isEmpty();
                    assertThat(Money.awaitWallet(round.b(), 400_000)).as(how).isEqualTo(400_000);
                    assertThat(Money.ledger(session).getList("entries.reference", String.class)).as(how)
                            .anyMatch(r -> r.equals("refund:" + b.get("id") + ":LATE_PAYMENT"));
                    assertThat(Notices.awaitMessage(round.b(), "refund_credited")).as(how).contains(LATE_WORDING);
                    refunded++;
                }
                case "expired" -> { // the invoice was expired at the gateway before B's payment reached it
                    assertThat(payStatuses.get(round.n())).as(how).isEqualTo("EXPIRED");
                    assertThat(bOrders).as(how).isEmpty();
                    assertThat(Money.wallet(round.b())).as(how).isZero();
                    unpaid++;
                }
                default -> throw new AssertionError("neither ordered nor refunded in full: " + how);
            }
            assertThat(orders).as("A's order in round " + round.n()).anyMatch(o -> round.a().toString().equals(o.get("userId")));
        }
        System.out.printf("pay at the deadline, %d rounds: %d in the outcome, %d refunded in full as late, %d never paid "
                + "(the invoice expired first)%n", rounds, ordered, refunded, unpaid);
        assertThat(ordered + refunded).as("rounds in which B's payment reached the gateway").isPositive();
    }

    /**
     * B leaves while the gateway's page is still open (the invoice's expiry has not reached the gateway: it is held
     * back here), then pays on it. The seat is gone, so the money goes back in full.
     */
    @Test
    void payingOnTheStillOpenPageAfterLeavingIsRefundedInFull() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID b = UUID.randomUUID();
        UUID seat = Products.joinAs(b, session, hoodie.variant("M"), 2);
        Map<String, Object> payment = Money.awaitInvoices(session.toString(), 1).getFirst();
        long heldBack = GatewayFaults.arm("expire", (String) payment.get("invoiceId"), 503, 0, null);
        try {
            as(b, "customer").post(API + session + "/participants/" + seat + "/leave").then().statusCode(200);
            await("payment knows the seat ended").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> Money.payments(session.toString()).getFirst().get("seatEndedAt") != null);
            await("the worker tried to expire the invoice").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                    .until(() -> GatewayFaults.applied(heldBack) >= 1);

            assertThat(RestAssured.given().post(Platform.GATEWAY + "/pay/" + payment.get("invoiceId")).then()
                    .statusCode(200).extract().<String>path("status")).isEqualTo("PAID");

            Money.awaitWallet(b, 400_000);
            assertThat(Money.awaitStatuses(session.toString(), 1, "late_paid").getFirst().get("refunded"))
                    .isEqualTo(400_000);
            assertThat(Money.ledger(session.toString()).getList("entries.reference", String.class))
                    .containsExactlyInAnyOrder("escrow-in:" + payment.get("id"), "refund:" + payment.get("id") + ":LATE_PAYMENT");
            assertThat(Notices.awaitMessage(b, "refund_credited")).contains(LATE_WORDING);
            as(b, "customer").get(API + session + "/participants/" + seat).then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("left"));
            assertThat(Saga.session(session).getLong("stats.paidUnits")).isZero();
        } finally {
            GatewayFaults.remove(heldBack);
        }
        assertThat(Saga.expire(session)).isEqualTo("failed");
        Money.assertEscrowSettled(session.toString());
        assertThat(Money.wallet(b)).isEqualTo(400_000);
    }

    /** The invoice expired (the seat was released), then a transfer still reached it: refunded in full. */
    @Test
    void paidAfterTheInvoiceExpiredIsRefundedInFull() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID b = UUID.randomUUID();
        UUID seat = Products.joinAs(b, session, hoodie.variant("L"), 2);
        Map<String, Object> payment = Money.awaitInvoices(session.toString(), 1).getFirst();

        GatewayFaults.expire((String) payment.get("invoiceId"));
        Money.awaitStatuses(session.toString(), 1, "expired");
        await("group-buying released the seat").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> "expired".equals(as(b, "customer").get(API + session + "/participants/" + seat).then()
                        .extract().path("status")));

        // a bank transfer to the expired invoice's account arrives anyway
        assertThat(RestAssured.given().queryParam("afterExpiry", true).post(Platform.GATEWAY + "/pay/"
                + payment.get("invoiceId")).then().statusCode(200).extract().<String>path("status")).isEqualTo("PAID");

        Money.awaitWallet(b, 400_000);
        Money.awaitStatuses(session.toString(), 1, "late_paid");
        assertThat(Notices.awaitMessage(b, "refund_credited")).contains(LATE_WORDING);
        as(b, "customer").get(API + session + "/participants/" + seat).then()
                .body("status", org.hamcrest.Matchers.equalTo("expired"));
        assertThat(Saga.expire(session)).isEqualTo("failed");
        Money.assertEscrowSettled(session.toString());
        assertThat(Money.wallet(b)).isEqualTo(400_000);
    }
}
