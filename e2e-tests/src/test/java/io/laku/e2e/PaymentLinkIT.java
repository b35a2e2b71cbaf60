package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The join's answer carries the seat's payment link when the invoice exists within the wait (the service's default,
 * or the client's {@code Prefer: wait=N}); {@code wait=0} answers at once, and the seat shows the link later.
 */
class PaymentLinkIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";
    private static Products.Product hoodie;
    private static UUID session;

    @BeforeAll
    static void hoodieSession() {
        hoodie = Products.premiumHoodie(UUID.randomUUID());
        session = Products.openSession(hoodie);
    }

    @Test
    void theJoinsAnswerCarriesThePaymentLinkTheSeatShows() {
        UUID customer = UUID.randomUUID();
        long t0 = System.nanoTime();
        JsonPath answer = as(customer, "customer").header("Prefer", "wait=10").body(Products.join(hoodie.variant("M"), 1))
                .post(API + session + "/join").then().statusCode(201).extract().jsonPath();
        Duration answeredAfter = Duration.ofNanos(System.nanoTime() - t0);

        String link = answer.getString("paymentUrl");
        // without the link in the answer, the service must have waited the whole preferred time for it
        assertThat(link != null || answeredAfter.compareTo(Duration.ofSeconds(10)) >= 0)
                .as("paymentUrl %s after %s", link, answeredAfter).isTrue();
        String onSeat = seatLink(customer, answer.getString("participantUrl"));
        if (link != null) {
            assertThat(link).isEqualTo(onSeat).startsWith(Platform.GATEWAY);
        }
    }

    @Test
    void preferWaitZeroAnswersAtOnceWithoutTheLink() {
        UUID customer = UUID.randomUUID();
        JsonPath answer = as(customer, "customer").header("Prefer", "wait=0").body(Products.join(hoodie.variant("M"), 1))
                .post(API + session + "/join").then().statusCode(201).extract().jsonPath();

        assertThat(answer.getString("paymentUrl")).isNull();
        assertThat(answer.getString("status")).isEqualTo("awaiting_payment");
        assertThat(seatLink(customer, answer.getString("participantUrl"))).startsWith(Platform.GATEWAY);
    }

    private static String seatLink(UUID customer, String participantUrl) {
        return await("the seat's payment link").atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> as(customer, "customer").get(Platform.GROUP_BUYING + participantUrl).then().statusCode(200)
                        .extract().jsonPath().getString("paymentUrl"), url -> url != null);
    }
}
