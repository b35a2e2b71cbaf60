package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The tally moves with joins, leaves and payment events (each once), and the topics alone rebuild it exactly. */
class TallyRebuildIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";
    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void aRebuildFromTheLiveTopicsEqualsTheLiveTally() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID(), e = UUID.randomUUID();
        UUID pa = Products.joinAs(a, session, hoodie.variant("M"), 5);
        UUID pb = Products.joinAs(b, session, hoodie.variant("L"), 4);
        UUID pc = Products.joinAs(c, session, hoodie.variant("S"), 2);
        UUID pd = Products.joinAs(d, session, hoodie.variant("XL"), 1);
        UUID pe = Products.joinAs(e, session, hoodie.variant("M"), 10);
        PaymentEvents.paid(session, pa, a, 1_000_000);
        PaymentEvents.paid(session, pa, a, 1_000_000); // a second PaymentPaid for the same seat moves nothing
        PaymentEvents.paid(session, pb, b, 800_000);
        PaymentEvents.expired(session, pc, c);
        PaymentEvents.paid(session, pc, c, 400_000);   // too late: the seat was released
        PaymentEvents.paid(session, pe, e, 2_000_000);
        as(d, "customer").post(API + session + "/participants/" + pd + "/leave").then().statusCode(200);
        as(e, "customer").post(API + session + "/participants/" + pe + "/leave").then().statusCode(200);

        Map<String, Map<String, Integer>> expected = Map.of(
                hoodie.variant("M").toString(), Map.of("awaiting", 0, "paid", 5),
                hoodie.variant("L").toString(), Map.of("awaiting", 0, "paid", 4),
                hoodie.variant("S").toString(), Map.of("awaiting", 0, "paid", 0),
                hoodie.variant("XL").toString(), Map.of("awaiting", 0, "paid", 0));
        await("payment events applied").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300))
                .until(() -> expected.equals(live(session)));
        // the leave events are on laku.session once Debezium has published them: poll the rebuild until it catches up
        await("rebuild equals the live tally").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofSeconds(1))
                .until(() -> live(session).equals(rebuilt(session)));
        assertThat(rebuilt(session)).isEqualTo(expected);
    }

    private static Map<String, Map<String, Integer>> live(UUID session) {
        return as(ADMIN, "admin").get(API + session + "/tally").then().statusCode(200).extract().jsonPath().getMap("");
    }

    private static Map<String, Map<String, Integer>> rebuilt(UUID session) {
        return as(ADMIN, "admin").get(API + session + "/tally/rebuild").then().statusCode(200).extract().jsonPath().getMap("");
    }
}
