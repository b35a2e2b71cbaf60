package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 14's access rules: a session's tally is its factory's and the admins'; only admins change grosir config, and
 * a change never reaches a session already forming; one customer holds a capped number of unpaid units per session;
 * the warehouse and seller roles are known but reach nothing yet.
 */
class AccessRulesIT {

    private static final String API = Platform.GROUP_BUYING + "/api/group-buying/";
    private static final String PRODUCTS = Platform.GROUP_BUYING + "/api/products/";

    @Test
    void aSessionsTallyIsReadByItsFactoryAndAdminsOnly() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        Products.joinAs(UUID.randomUUID(), session, hoodie.variant("M"), 5);

        as(hoodie.factory(), "factory").get(API + session + "/tally").then().statusCode(200)
                .body("'" + hoodie.variant("M") + "'.awaiting", equalTo(5));
        as(UUID.randomUUID(), "admin").get(API + session + "/tally").then().statusCode(200);
        as(UUID.randomUUID(), "factory").get(API + session + "/tally").then().statusCode(403)
                .contentType("application/problem+json").body("type", equalTo("https://laku.io/problems/forbidden"));
        as(UUID.randomUUID(), "customer").get(API + session + "/tally").then().statusCode(403);
    }

    @Test
    void onlyAnAdminChangesGrosirConfigAndAFactoryStillCreatesAndRenamesItsProducts() {
        UUID factory = UUID.randomUUID();
        String created = as(factory, "factory").body(Map.of("name", "Tote", "bundles", Map.of("S", 2, "M", 3),
                        "warehouseTolerance", Map.of("S", 4, "M", 6)))
                .post(Platform.GROUP_BUYING + "/api/products").then().statusCode(201).extract().path("id");

        as(factory, "factory").body(Map.of("bundles", Map.of("S", 1))).put(PRODUCTS + created).then().statusCode(403)
                .contentType("application/problem+json").body("detail", containsString("admin"));
        as(factory, "factory").body(Map.of("S", 40)).post(PRODUCTS + created + "/warehouse-tolerance").then().statusCode(403);
        as(factory, "factory").body(Map.of("S", 40)).put(PRODUCTS + created + "/warehouse-tolerance").then().statusCode(403);
        as(factory, "factory").get(PRODUCTS + created).then().statusCode(200)
                .body("bundles.S", equalTo(2)).body("warehouseTolerance.S", equalTo(4));

        as(factory, "factory").body(Map.of("name", "Tote bag")).put(PRODUCTS + created).then().statusCode(200)
                .body("name", equalTo("Tote bag"));
        UUID admin = UUID.randomUUID();
        as(admin, "admin").body(Map.of("bundles", Map.of("S", 1))).put(PRODUCTS + created).then().statusCode(200)
                .body("bundles.S", equalTo(1));
        as(admin, "admin").body(Map.of("S", 40)).put(PRODUCTS + created + "/warehouse-tolerance").then().statusCode(200)
                .body("warehouseTolerance.S", equalTo(40));
    }

    @Test
    void aSessionKeepsTheGrosirConfigItOpenedWith() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID forming = Products.openSession(hoodie);
        Products.joinAs(UUID.randomUUID(), forming, hoodie.variant("M"), 5);

        // an admin makes M come 50 to a bundle and tolerate nothing, and S tolerate nothing
        UUID admin = UUID.randomUUID();
        as(admin, "admin").body(Map.of("bundles", Map.of("M", 50))).put(PRODUCTS + hoodie.id()).then().statusCode(200);
        as(admin, "admin").body(Map.of("M", 0, "S", 0)).put(PRODUCTS + hoodie.id() + "/warehouse-tolerance")
                .then().statusCode(200);

        // the forming session still computes with bundle S2 M5 L4 XL1, tolerance S20 M50 L40 XL30 (5 M ordered)
        JsonPath old = as(UUID.randomUUID(), "customer").get(API + forming + "/variant-availability").then()
                .statusCode(200).extract().jsonPath();
        assertThat(old.<Integer>getList("available")).containsExactly(20, 45, 40, 10);
        assertThat(old.<Integer>getList("bundleInfo.unitsPerBundle")).containsExactly(2, 5, 4, 1);
        Products.joinAs(UUID.randomUUID(), forming, hoodie.variant("M"), 10);

        // a session opened now uses the new config: bundle S2 M50 L4 XL1, tolerance S0 M0 L40 XL30
        UUID later = Products.openSession(hoodie);
        JsonPath fresh = as(UUID.randomUUID(), "customer").get(API + later + "/variant-availability").then()
                .statusCode(200).extract().jsonPath();
        assertThat(fresh.<Integer>getList("bundleInfo.unitsPerBundle")).containsExactly(2, 50, 4, 1);
        assertThat(fresh.<Integer>getList("available")).containsExactly(2, 50, 4, 1);
        as(UUID.randomUUID(), "customer").body(Products.join(hoodie.variant("S"), 3)).post(API + later + "/join")
                .then().statusCode(409).body("type", equalTo("https://laku.io/problems/variant-unavailable"))
                .body("available", equalTo(2));
    }

    @Test
    void aCustomerHoldsAtMostTenPercentOfTheMoqUnpaidByDefault() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        Map<String, Object> body = Sessions.premiumHoodieSession(hoodie.id());
        body.remove("maxUnpaidUnitsPerCustomer"); // the default: max(10 % of MOQ 100, one bundle of M = 5) = 10
        UUID session = Products.openSession(hoodie, body);
        UUID customer = UUID.randomUUID();
        Products.joinAs(customer, session, hoodie.variant("M"), 6);

        as(customer, "customer").body(Products.join(hoodie.variant("L"), 5)).post(API + session + "/join")
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://laku.io/problems/unpaid-cap-reached"))
                .body("field", equalTo("quantity")).body("cap", equalTo(10)).body("unpaidUnits", equalTo(6))
                .body("requested", equalTo(5)).body("detail", containsString("at most 10 unpaid units"));
        as(customer, "customer").body(Products.join(hoodie.variant("M"), 11)).post(API + session + "/join")
                .then().statusCode(409).body("cap", equalTo(10));
        // other customers are not held back by this one
        Products.joinAs(UUID.randomUUID(), session, hoodie.variant("M"), 10);
        // up to the cap is fine; paying makes room again
        Products.joinAs(customer, session, hoodie.variant("L"), 4);
        List<Map<String, Object>> invoices = Money.awaitInvoices(session.toString(), 3);
        invoices.stream().filter(p -> customer.toString().equals(p.get("userId")) && ((Number) p.get("amount")).longValue()
                == 6 * 200_000L).forEach(Money::pay);
        await("the paid seat leaves the unpaid units").atMost(Money.DEADLINE)
                .until(() -> as(customer, "customer").body(Products.join(hoodie.variant("M"), 6))
                        .post(API + session + "/join").statusCode() == 201);
    }

    @Test
    void oneBundleIsAlwaysJoinableAndASessionMaySetItsOwnCap() {
        UUID factory = UUID.randomUUID();
        Products.Product crate = Products.configure(factory, Map.of("A", 12), Map.of("A", 24), List.of("A"));
        Map<String, Object> body = Sessions.premiumHoodieSession(crate.id());
        body.remove("maxUnpaidUnitsPerCustomer");
        UUID bundleCapped = Products.openSession(crate, body);
        UUID customer = UUID.randomUUID();
        Products.joinAs(customer, bundleCapped, crate.variant("A"), 12); // one bundle (12) > 10 % of the MOQ (10)
        as(customer, "customer").body(Products.join(crate.variant("A"), 1)).post(API + bundleCapped + "/join")
                .then().statusCode(409).body("cap", equalTo(12));

        body.put("maxUnpaidUnitsPerCustomer", 30);
        UUID ownCap = Products.openSession(crate, body);
        as(factory, "factory").get(API + ownCap).then().body("maxUnpaidUnitsPerCustomer", equalTo(30));
        Products.joinAs(customer, ownCap, crate.variant("A"), 24);
        as(customer, "customer").body(Products.join(crate.variant("A"), 7)).post(API + ownCap + "/join")
                .then().statusCode(409).body("cap", equalTo(30)).body("unpaidUnits", equalTo(24));
    }

    @Test
    void theWarehouseAndSellerRolesReachOnlyTheirOwnWork() {
        Products.Product hoodie = Products.premiumHoodie(UUID.randomUUID());
        UUID session = Products.openSession(hoodie);
        for (String role : List.of("warehouse", "seller")) {
            UUID user = UUID.randomUUID();
            as(user, role).get(API + session).then().statusCode(403).contentType("application/problem+json");
            as(user, role).body(Products.join(hoodie.variant("M"), 1)).post(API + session + "/join").then().statusCode(403);
            as(user, role).get(Platform.WALLET + "/api/wallet/" + user).then().statusCode(403);
        }
        String adjustments = Platform.WAREHOUSE + "/api/warehouse/inventory/" + hoodie.variant("M") + "/adjustments";
        Map<String, Object> found = Map.of("delta", 5, "reason", "count");
        as(UUID.randomUUID(), "seller").body(found).post(adjustments).then().statusCode(403);
        as(UUID.randomUUID(), "factory").body(found).post(adjustments).then().statusCode(403);
        // SPEC §7: warehouse staff count the stock
        as(UUID.randomUUID(), "warehouse").body(found).post(adjustments).then().statusCode(201);
    }
}
