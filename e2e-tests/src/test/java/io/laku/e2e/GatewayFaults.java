package io.laku.e2e;

import io.restassured.RestAssured;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The gateway simulator's Invoice API drills: faults and latency per operation, for calls matching a text. */
final class GatewayFaults {

    private GatewayFaults() {
    }

    /**
     * Arms a rule: calls of {@code operation} (create, get, expire) whose external id, description or invoice id contains
     * {@code match} wait {@code delayMs}, then answer {@code status} (null: go through, late). {@code count} null: every
     * matching call until removed.
     *
     * @return the rule's id
     */
    static long arm(String operation, String match, Integer status, long delayMs, Integer count) {
        Map<String, Object> rule = new LinkedHashMap<>();
        rule.put("operation", operation);
        rule.put("match", match);
        rule.put("status", status);
        rule.put("delayMs", delayMs);
        rule.put("count", count);
        return RestAssured.given().contentType("application/json").body(rule).post(Platform.GATEWAY + "/faults/invoices")
                .then().statusCode(200).extract().jsonPath().getLong("id");
    }

    static void remove(long id) {
        RestAssured.given().delete(Platform.GATEWAY + "/faults/invoices/" + id).then().statusCode(200);
    }

    /** How many calls the rule changed so far. */
    static int applied(long id) {
        List<Map<String, Object>> rules = RestAssured.given().get(Platform.GATEWAY + "/faults/invoices").then()
                .statusCode(200).extract().jsonPath().getList("$");
        return rules.stream().filter(r -> ((Number) r.get("id")).longValue() == id)
                .map(r -> ((Number) r.get("applied")).intValue()).findFirst().orElseThrow();
    }

    /** The gateway's invoices for an external id (our payment id), as Xendit's list endpoint answers. */
    static List<Map<String, Object>> invoicesOf(String externalId) {
        return RestAssured.given().auth().preemptive().basic("xnd_development_laku_local", "")
                .queryParam("external_id", externalId).get(Platform.GATEWAY + "/v2/invoices")
                .then().statusCode(200).extract().jsonPath().getList("$");
    }

    /** The invoice expires at the gateway, as it does at its expiry date (its EXPIRED callback follows). */
    static void expire(String invoiceId) {
        // Xendit's path has a literal "!", which RestAssured would send encoded (%21: another path)
        RestAssured.given().urlEncodingEnabled(false).auth().preemptive().basic("xnd_development_laku_local", "")
                .post(Platform.GATEWAY + "/invoices/" + invoiceId + "/expire!").then().statusCode(200);
    }
}
