package io.laku.e2e;

import static io.laku.e2e.Platform.as;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Products with grosir config, as the seed's Test 1 sets them up. */
final class Products {

    /** A created product: its id, factory and variant ids by name. */
    record Product(UUID id, UUID factory, Map<String, UUID> variants) {
        UUID variant(String name) {
            return variants.get(name);
        }
    }

    private Products() {
    }

    /** The seed's Premium Hoodie: bundle S2 M5 L4 XL1, tolerance S20 M50 L40 XL30, configured by an admin. */
    static Product premiumHoodie(UUID factory) {
        return configure(factory, Map.of("S", 2, "M", 5, "L", 4, "XL", 1), Map.of("S", 20, "M", 50, "L", 40, "XL", 30),
                List.of("S", "M", "L", "XL"));
    }

    static Product configure(UUID factory, Map<String, Integer> bundles, Map<String, Integer> tolerance, List<String> order) {
        Map<String, Object> ordered = new LinkedHashMap<>();
        order.forEach(name -> ordered.put(name, bundles.get(name)));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Premium Hoodie");
        body.put("factoryId", factory.toString());
        body.put("bundles", ordered);
        UUID admin = UUID.randomUUID();
        JsonPath created = as(admin, "admin").body(body).post(Platform.GROUP_BUYING + "/api/products")
                .then().statusCode(201).extract().jsonPath();
        UUID id = UUID.fromString(created.getString("id"));
        if (!tolerance.isEmpty()) {
            as(admin, "admin").body(tolerance).post(Platform.GROUP_BUYING + "/api/products/" + id + "/warehouse-tolerance")
                    .then().statusCode(200);
        }
        Map<String, UUID> variants = new LinkedHashMap<>();
        for (Map<String, Object> v : created.<Map<String, Object>>getList("variants")) {
            variants.put((String) v.get("name"), UUID.fromString((String) v.get("id")));
        }
        return new Product(id, factory, variants);
    }

    /** Opens a Premium Hoodie session (MOQ 100, group price 200,000) as the product's factory. */
    static UUID openSession(Product product) {
        return openSession(product, Sessions.premiumHoodieSession(product.id()));
    }

    static UUID openSession(Product product, Map<String, Object> body) {
        return UUID.fromString(as(product.factory(), "factory").body(body).post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(201).extract().path("id"));
    }

    /** The benchmarks' sessions: {@code count} Premium Hoodie sessions of the product with an MOQ no run reaches. */
    static List<UUID> openBenchSessions(Product product, int count) {
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> body = Sessions.premiumHoodieSession(product.id());
            body.put("targetMoq", 1_000_000);
            sessions.add(openSession(product, body));
        }
        return sessions;
    }

    static Map<String, Object> join(UUID variant, long quantity) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variantId", variant.toString());
        body.put("quantity", quantity);
        body.put("unitPrice", 200_000L);
        body.put("totalPrice", quantity * 200_000L);
        return body;
    }

    /** Joins as a new customer; returns the participant id. */
    static UUID joinAs(UUID user, UUID session, UUID variant, long quantity) {
        return UUID.fromString(as(user, "customer").body(join(variant, quantity))
                .post(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/join")
                .then().statusCode(201).extract().path("participantId"));
    }
}
