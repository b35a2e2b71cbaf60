package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.laku.contracts.session.SeatOutcome;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionEnd;
import io.laku.contracts.session.SessionFailed;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The scheduler ends due sessions without anyone asking; an admin cancel refunds paid seats and stops joins. */
class SchedulerAndCancelIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";
    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void theSchedulerEndsADueSessionOnItsOwn() throws Exception {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
        body.put("endTime", Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS).toString());
        UUID session = Products.openSession(hoodie, body);

        // interval 10 s: well within 45 s, with no process-expired call
        await("scheduler ended it").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1)).until(() ->
                "failed".equals(as(ADMIN, "admin").get(API + session).then().extract().path("status")));
        assertThat(ExpiryIT.outcome(session, SessionFailed.class).getReason()).isEqualTo("NO_PAID_UNITS");
        assertThat(ExpiryIT.outcomesInOutbox(session)).isEqualTo(1);
    }

    @Test
    void anAdminCancelRefundsPaidSeatsInFullAndStopsJoins() throws Exception {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID a = UUID.randomUUID();
        UUID pa = Products.joinAs(a, session, hoodie.variant("M"), 3);
        Products.joinAs(UUID.randomUUID(), session, hoodie.variant("S"), 2);
        PaymentEvents.paid(session, pa, a, 600_000);
        await("paid").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).until(() ->
                Integer.valueOf(3).equals(as(ADMIN, "admin").get(API + session).then().extract().path("stats.paidUnits")));

        as(UUID.randomUUID(), "factory").body(Map.of()).post(API + session + "/cancel").then().statusCode(403);
        as(ADMIN, "admin").body(Map.of("reason", "factory closed")).post(API + session + "/cancel").then().statusCode(200)
                .body("status", equalTo("cancelled"));
        SessionCancelled cancelled = ExpiryIT.outcome(session, SessionCancelled.class);
        assertThat(cancelled.getPaidSeats()).isEqualTo(1);
        assertThat(cancelled.getRefundTotal()).isEqualTo(600_000L);
        assertThat(ExpiryIT.seats(session, 2)).filteredOn(s -> s.getOutcome() == SeatOutcome.REFUNDED).singleElement()
                .satisfies(r -> {
                    assertThat(r.getUserId()).isEqualTo(a.toString());
                    assertThat(r.getRefundDue()).isEqualTo(600_000L);
                    assertThat(r.getSessionOutcome()).isEqualTo(SessionEnd.CANCELLED);
                });
        as(UUID.randomUUID(), "customer").body(Products.join(hoodie.variant("M"), 1)).post(API + session + "/join")
                .then().statusCode(409).body("type", equalTo("https://laku.io/problems/session-not-forming"));
        as(ADMIN, "admin").body(Map.of()).post(API + session + "/cancel").then().statusCode(409);
        as(ADMIN, "admin").get(API + "?status=cancelled&productId=" + hoodie.id()).then().statusCode(200)
                .body("total", equalTo(1)).body("items[0].id", equalTo(session.toString()));
    }
}
