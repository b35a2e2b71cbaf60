package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The seed's Test 2 across the real services, as a customer and an admin would do it: group-buying
 * takes the joins over REST, payment opens the escrow invoices at the gateway, the customers pay on
 * the gateway's page (real callbacks), the admin expires the session by hand, and the tier refunds
 * reach the wallets. Nothing is published by the test itself.
 */
class SeedFlowIT {

    private static final UUID ADMIN = UUID.randomUUID();

    @Test
    void threeCustomersPayTheSessionEndsAtTier25AndTheWalletsHoldTheirRefunds() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        UUID[] users = {UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID()};
        long[] units = {10, 15, 20};
        for (int i = 0; i < users.length; i++) {
            Products.joinAs(users[i], session, hoodie.variant("M"), units[i]);
        }

        List<Map<String, Object>> invoices = Money.awaitInvoices(session.toString(), 3);
        assertThat(invoices).extracting(p -> ((Number) p.get("amount")).longValue())
                .containsExactlyInAnyOrder(2_000_000L, 3_000_000L, 4_000_000L);
        invoices.forEach(Money::pay);
        await("group-buying counts 45 paid units").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> paidUnits(session) == 45);

        JsonPath outcome = as(ADMIN, "admin").post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/manual-expire")
                .then().statusCode(200).extract().jsonPath();
        assertThat(outcome.getString("outcome")).isEqualTo("confirmed");

        Money.awaitWallet(users[0], 500_000);
        Money.awaitWallet(users[1], 750_000);
        Money.awaitWallet(users[2], 1_000_000);
        JsonPath ledger = await("tier refunds booked").atMost(Money.DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> Money.ledger(session.toString()), l -> l.getLong("refunded") == 2_250_000);
        assertThat(ledger.getLong("paidIn")).isEqualTo(9_000_000);
        assertThat(ledger.getLong("escrowBalance")).isEqualTo(6_750_000);
        assertThat(ledger.getBoolean("balanced")).isTrue();
    }

    private static long paidUnits(UUID session) {
        return as(ADMIN, "admin").get(Platform.GROUP_BUYING + "/api/group-buying/" + session)
                .then().statusCode(200).extract().jsonPath().getLong("stats.paidUnits");
    }
}
