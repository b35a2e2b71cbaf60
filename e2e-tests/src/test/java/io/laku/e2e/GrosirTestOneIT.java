package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The seed's Test 1 over REST with tokens, with SPEC §3's numbers. */
class GrosirTestOneIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";

    @Test
    void premiumHoodieAvailabilityJoinAndAvailabilityAgain() {
        UUID factory = UUID.randomUUID();
        Products.Product hoodie = Products.premiumHoodie(factory);
        as(factory, "factory").get(Platform.GROUP_BUYING + "/api/products/" + hoodie.id()).then().statusCode(200)
                .body("bundles.M", equalTo(5)).body("warehouseTolerance.XL", equalTo(30))
                .body("warnings.size()", equalTo(0));
        UUID session = Products.openSession(hoodie);
        UUID customer = UUID.randomUUID();

        // fresh session: 20/50/40/10 (SPEC §3 worked example 1)
        JsonPath matrix = as(customer, "customer").get(API + session + "/variant-availability").then().statusCode(200)
                .extract().jsonPath();
        assertThat(matrix.<Integer>getList("available")).containsExactly(20, 50, 40, 10);
        assertThat(matrix.<String>getList("variantName")).containsExactly("S", "M", "L", "XL");
        as(customer, "customer").get(API + session + "/variant-availability/" + hoodie.variant("M")).then().statusCode(200)
                .body("variantId", equalTo(hoodie.variant("M").toString()))
                .body("allocation", equalTo(5))
                .body("maxAllowed", equalTo(50))
                .body("totalOrdered", equalTo(0))
                .body("available", equalTo(50))
                .body("isLocked", equalTo(false))
                .body("constrainingVariant", nullValue())
                .body("bundleInfo.unitsPerBundle", equalTo(5))
                .body("bundleInfo.bundlesNeeded", equalTo(0))
                .body("bundleInfo.bundlesAllowed", equalTo(10))
                .body("bundleInfo.warehouseTolerance", equalTo(50));

        // join 5 M (the seed's body, userId included and ignored)
        Map<String, Object> body = Products.join(hoodie.variant("M"), 5);
        body.put("userId", "user-uuid");
        JsonPath seat = as(customer, "customer").body(body).post(API + session + "/join").then().statusCode(201)
                .body("status", equalTo("awaiting_payment"))
                .body("amountDue", equalTo(1_000_000))
                .body("userId", equalTo(customer.toString()))
                // the answer carries the payment link when the invoice exists within the join's wait (PaymentLinkIT)
                .body("paymentUrl", anyOf(nullValue(), startsWith(Platform.GATEWAY + "/pay/")))
                .extract().jsonPath();
        UUID participant = UUID.fromString(seat.getString("participantId"));

        // worked example 2: 0/5/0/0 -> 20/45/40/10
        as(customer, "customer").get(API + session + "/variant-availability/" + hoodie.variant("M")).then().statusCode(200)
                .body("totalOrdered", equalTo(5)).body("available", equalTo(45)).body("maxAllowed", equalTo(50))
                .body("bundleInfo.bundlesNeeded", equalTo(1)).body("bundleInfo.bundlesAllowed", equalTo(10));

        // Test case 2: 50 more M is past the allowance: 409 naming M and what is available
        as(UUID.randomUUID(), "customer").body(Products.join(hoodie.variant("M"), 50)).post(API + session + "/join")
                .then().statusCode(409).contentType("application/problem+json")
                .body("variantName", equalTo("M")).body("variantId", equalTo(hoodie.variant("M").toString()))
                .body("available", equalTo(45));
        // 45 fit: worked example 3, M locked by S
        Products.joinAs(UUID.randomUUID(), session, hoodie.variant("M"), 45);
        as(customer, "customer").get(API + session + "/variant-availability/" + hoodie.variant("M")).then().statusCode(200)
                .body("available", equalTo(0)).body("isLocked", equalTo(true))
                .body("constrainingVariant", equalTo(hoodie.variant("S").toString()));
        JsonPath after = as(customer, "customer").get(API + session + "/variant-availability").then().extract().jsonPath();
        assertThat(after.<Integer>getList("available")).containsExactly(20, 0, 40, 10);

        // live stats
        as(factory, "factory").get(API + session).then().statusCode(200)
                .body("status", equalTo("forming"))
                .body("stats.awaitingPaymentUnits", equalTo(50))
                .body("stats.paidUnits", equalTo(0))
                .body("stats.participants", equalTo(2));

        // the payment link appears once payment publishes the invoice
        PaymentEvents.invoiceCreated(session, participant, customer, 1_000_000, "https://pay.example/inv-1");
        await("paymentUrl shown").atMost(Duration.ofSeconds(45)).pollInterval(Duration.ofMillis(300)).until(() ->
                "https://pay.example/inv-1".equals(as(customer, "customer")
                        .get(API + session + "/participants/" + participant).then().statusCode(200)
                        .extract().path("paymentUrl")));
        // another customer may not read the seat; another factory may not read the session's seats
        as(UUID.randomUUID(), "customer").get(API + session + "/participants/" + participant).then().statusCode(403);
        as(UUID.randomUUID(), "factory").get(API + session + "/participants/" + participant).then().statusCode(403);
        as(UUID.randomUUID(), "factory").get(API + session + "/participants").then().statusCode(403)
                .contentType("application/problem+json");
        as(hoodie.factory(), "factory").get(API + session + "/participants").then().statusCode(200)
                .body("size()", equalTo(2));
    }
}
