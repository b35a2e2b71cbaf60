package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Bad input is never a 5xx (SPEC §2): a seeded, reproducible run of mutated requests over every write endpoint and
 * the list endpoints' parameters of all eight services. Every answer must be a 2xx, or a 4xx with a problem+json body;
 * anything else fails the test with the request that caused it. The run is the same for the same seed:
 * {@code -Dfuzz.seed=7 -Dfuzz.requests=3000}. An endpoint added later is one line in {@link #ENDPOINTS}.
 *
 * <p>Requests are well-formed HTTP (values percent-encoded as a client encodes them): a URI with an invalid escape or
 * longer than 4 KiB is refused by the HTTP server before any endpoint (an empty 400, or 414), which is not what this
 * test is about.
 */
class FuzzIT {

    private static final long SEED = Long.getLong("fuzz.seed", 14);
    private static final int REQUESTS = Integer.getInteger("fuzz.requests", 1200);

    /** Who calls: a role with a token, or the gateway with its callback token. */
    enum As { CUSTOMER, FACTORY, SELLER, WAREHOUSE, ADMIN, GATEWAY }

    /**
     * One endpoint and a request it accepts: method, service and path ({name} = an id made in {@link #ids}), who
     * may call it, its body (null: none) and its query parameters.
     */
    record Endpoint(String method, String base, String path, As as, Map<String, Object> body, Map<String, String> query) {
    }

    private static final List<Endpoint> ENDPOINTS = List.of(
            // group-buying
            write("POST", Platform.GROUP_BUYING, "/api/products", As.ADMIN, obj("name", "Fuzz", "factoryId", "{factory}",
                    "bundles", obj("S", 2, "M", 5), "variants", List.of("S", "M"), "warehouseTolerance", obj("S", 4, "M", 10))),
            write("PUT", Platform.GROUP_BUYING, "/api/products/{product}", As.ADMIN, obj("name", "Fuzz", "bundles", obj("S", 2))),
            write("POST", Platform.GROUP_BUYING, "/api/products/{product}/warehouse-tolerance", As.ADMIN,
                    obj("S", obj("tolerance", 20, "clearanceRateEstimate", 0.5, "notes", "fuzz"))),
            write("PUT", Platform.GROUP_BUYING, "/api/products/{product}/warehouse-tolerance", As.ADMIN, obj("M", 50)),
            write("POST", Platform.GROUP_BUYING, "/api/group-buying", As.FACTORY, obj("productId", "{product}",
                    "sessionCode", "FUZZ-{n}", "targetMoq", 100, "groupPrice", 200000, "priceTier25", 150000,
                    "priceTier50", 135000, "priceTier75", 120000, "priceTier100", 105000,
                    "endTime", "2030-12-31T23:59:59Z", "botAllowed", true, "maxUnpaidUnitsPerCustomer", 100)),
            list(Platform.GROUP_BUYING, "/api/group-buying", As.CUSTOMER, "status", "forming", "productId", "{product}",
                    "factoryId", "{factory}", "page", "0", "size", "20"),
            write("POST", Platform.GROUP_BUYING, "/api/group-buying/{session}/join", As.CUSTOMER, obj("variantId", "{variant}",
                    "quantity", 1, "unitPrice", 200000, "totalPrice", 200000, "userId", "ignored")),
            write("POST", Platform.GROUP_BUYING, "/api/group-buying/{session}/participants/{participant}/leave", As.CUSTOMER, null),
            write("POST", Platform.GROUP_BUYING, "/api/group-buying/{expendable}/cancel", As.ADMIN, obj("reason", "fuzz")),
            write("POST", Platform.GROUP_BUYING, "/api/group-buying/{expendable}/manual-expire", As.ADMIN, null),
            write("POST", Platform.GROUP_BUYING, "/api/group-buying/{session}/production-complete", As.FACTORY, null),
            write("POST", Platform.GROUP_BUYING, "/api/group-buying/process-expired", As.ADMIN, null),
            list(Platform.GROUP_BUYING, "/api/group-buying/{session}/variant-availability/{variant}", As.CUSTOMER),
            list(Platform.GROUP_BUYING, "/api/group-buying/{session}/participants/{participant}", As.CUSTOMER),
            list(Platform.GROUP_BUYING, "/api/group-buying/{session}/tally", As.FACTORY),
            list(Platform.GROUP_BUYING, "/api/group-buying/{session}/timeline", As.FACTORY),
            // payment
            write("POST", Platform.PAYMENT, "/api/payments/webhooks/xendit", As.GATEWAY, obj("id", "{invoice}",
                    "external_id", "{payment}", "status", "EXPIRED", "amount", 200000, "paid_amount", 200000,
                    "paid_at", "2026-12-01T10:00:00Z")),
            list(Platform.PAYMENT, "/api/payments", As.CUSTOMER, "sessionId", "{session}"),
            list(Platform.PAYMENT, "/api/payments/ledger", As.ADMIN, "sessionId", "{session}"),
            // wallet
            write("POST", Platform.WALLET, "/api/wallet/{customer}/debit", As.ADMIN, obj("amount", 1, "reference", "fuzz-{n}",
                    "reason", "fuzz")),
            list(Platform.WALLET, "/api/wallet/{customer}/transactions", As.CUSTOMER, "page", "0", "size", "20"),
            list(Platform.WALLET, "/api/wallet/{customer}", As.CUSTOMER),
            // warehouse
            write("POST", Platform.WAREHOUSE, "/api/warehouse/inventory/{variant}/adjustments", As.ADMIN,
                    obj("delta", 5, "reason", "fuzz")),
            write("POST", Platform.WAREHOUSE, "/api/warehouse/purchase-orders/{purchaseOrder}/receive", As.WAREHOUSE,
                    obj("lines", List.of(obj("variantId", "{variant}", "units", 5)), "note", "fuzz")),
            list(Platform.WAREHOUSE, "/api/warehouse/purchase-orders", As.ADMIN, "status", "open", "sessionId", "{session}",
                    "factoryId", "{factory}", "page", "0", "size", "20"),
            list(Platform.WAREHOUSE, "/api/warehouse/inventory", As.ADMIN, "productId", "{product}", "page", "0", "size", "20"),
            list(Platform.WAREHOUSE, "/api/warehouse/inventory/{variant}/movements", As.ADMIN, "page", "0", "size", "20"),
            list(Platform.WAREHOUSE, "/api/warehouse/sessions/{session}/fulfilment", As.FACTORY),
            // order
            list(Platform.ORDER, "/api/orders", As.ADMIN, "userId", "{customer}", "sessionId", "{session}",
                    "status", "created", "page", "0", "size", "20"),
            list(Platform.ORDER, "/api/orders/{order}", As.CUSTOMER),
            // order: the seller store's checkout and an order's end
            write("POST", Platform.ORDER, "/api/orders", As.CUSTOMER, obj("items", List.of(obj("variantId", "{storeVariant}",
                    "quantity", 1)))),
            write("POST", Platform.ORDER, "/api/orders/preview", As.CUSTOMER, obj("items", List.of(obj("variantId",
                    "{storeVariant}", "quantity", 2)))),
            write("POST", Platform.ORDER, "/api/orders/{storeOrder}/cancel", As.CUSTOMER, obj("reason", "fuzz")),
            write("POST", Platform.ORDER, "/api/orders/{storeOrder}/ship", As.SELLER, obj("courier", "JNE",
                    "trackingNumber", "FZ-{n}")),
            // seller
            write("POST", Platform.SELLER, "/api/sellers", As.CUSTOMER, obj("storeName", "Toko Fuzz {n}", "phone",
                    "+6281234500000", "bankAccount", obj("bankCode", "BCA", "accountNumber", "1234567890",
                            "accountHolderName", "Fuzz"))),
            list(Platform.SELLER, "/api/sellers", As.ADMIN, "status", "active", "page", "0", "size", "20"),
            list(Platform.SELLER, "/api/sellers/{seller}", As.SELLER),
            write("POST", Platform.SELLER, "/api/sellers/{seller}/verify", As.ADMIN, obj("feeBps", 500)),
            write("POST", Platform.SELLER, "/api/sellers/{expendableSeller}/suspend", As.ADMIN, obj("reason", "fuzz")),
            write("POST", Platform.SELLER, "/api/sellers/{seller}/products", As.SELLER, obj("name", "Fuzz Tee",
                    "description", "fuzz", "variants", List.of(obj("name", "M", "sku", "FZ-{n}", "price", 50000, "stock", 5)))),
            list(Platform.SELLER, "/api/sellers/{seller}/products", As.SELLER),
            list(Platform.SELLER, "/api/seller-products/{storeProduct}", As.CUSTOMER),
            write("POST", Platform.SELLER, "/api/sellers/{seller}/variants/{storeVariant}/stock-adjustments", As.SELLER,
                    obj("delta", 1, "reason", "fuzz")),
            list(Platform.SELLER, "/api/sellers/{seller}/stock-movements", As.SELLER, "variantId", "{storeVariant}",
                    "orderId", "{storeOrder}", "page", "0", "size", "20"),
            // settlement (a payout run with a minimum no balance reaches pays nobody)
            list(Platform.SETTLEMENT, "/api/settlements/payees/{seller}", As.SELLER),
            write("PUT", Platform.SETTLEMENT, "/api/settlements/payees/{factory}/bank-account", As.FACTORY, obj("bankCode",
                    "BNI", "accountNumber", "9876543210", "accountHolderName", "PT Fuzz")),
            write("POST", Platform.SETTLEMENT, "/api/settlements/payouts", As.ADMIN, obj("minimumAmount", 9_000_000_000_000_000L)),
            list(Platform.SETTLEMENT, "/api/settlements/payouts", As.ADMIN, "payeeId", "{seller}", "status", "completed",
                    "page", "0", "size", "20"),
            list(Platform.SETTLEMENT, "/api/settlements/ledger", As.ADMIN),
            write("POST", Platform.SETTLEMENT, "/api/settlements/webhooks/xendit-disbursement", As.GATEWAY, obj("id",
                    "disb-fuzz", "external_id", "{payout}", "status", "COMPLETED", "amount", 1000)),
            // notifications
            list(Platform.NOTIFICATIONS, "/api/notifications", As.CUSTOMER, "page", "0", "size", "20"),
            write("POST", Platform.NOTIFICATIONS, "/api/notifications/{notification}/read", As.CUSTOMER, null),
            write("PUT", Platform.NOTIFICATIONS, "/api/notifications/whatsapp-contact", As.FACTORY, obj("phone", "+6281234567890")),
            write("PUT", Platform.NOTIFICATIONS, "/api/notifications/whatsapp-contacts/{factory}", As.ADMIN,
                    obj("phone", "+6281234567891")),
            list(Platform.NOTIFICATIONS, "/api/notifications/whatsapp/messages", As.ADMIN, "status", "failed",
                    "userId", "{factory}", "page", "0", "size", "20"),
            write("POST", Platform.NOTIFICATIONS, "/api/notifications/whatsapp/messages/{message}/retry", As.ADMIN, null),
            // the platform's ops endpoints, in every service (a range in the future: nothing to re-apply)
            replay(Platform.GROUP_BUYING, "laku.payment"), redrive(Platform.GROUP_BUYING),
            replay(Platform.PAYMENT, "laku.session"), redrive(Platform.PAYMENT),
            replay(Platform.WALLET, "laku.payment"), redrive(Platform.WALLET),
            replay(Platform.WAREHOUSE, "laku.session"), redrive(Platform.WAREHOUSE),
            replay(Platform.ORDER, "laku.session"), redrive(Platform.ORDER),
            replay(Platform.NOTIFICATIONS, "laku.session"), redrive(Platform.NOTIFICATIONS),
            replay(Platform.SELLER, "laku.order"), redrive(Platform.SELLER),
            replay(Platform.SETTLEMENT, "laku.seller"), redrive(Platform.SETTLEMENT));

    /** Values a careless or hostile client sends, as raw JSON. */
    private static final List<String> JSON_VALUES = List.of("null", "\"\"", "\" \"", "\"\\u0000\"", "\"a\\u0000b\"",
            json("x".repeat(10_001)), json("x".repeat(5_000)), json("x".repeat(300)), "-1", "0", "1", "2147483648",
            "-9223372036854775808", "9223372036854775807", "9223372036854775808", "46116860184274", "1e308", "1.5",
            "-0.0", "true", "false", "[]", "{}", "[1,\"a\",null]", "{\"x\":{\"y\":[]}}", "\"1-1-1-1-1\"",
            "\"not-a-uuid\"", json(UUID.randomUUID().toString()), "\"2030-12-31T23:59:59Z\"", "\"1999-01-01T00:00:00Z\"",
            "\"tomorrow\"", "\"\\ud83d\\ude42\"", "\"\\ud800\"", "\"PAID\"", "\"' or 1=1 --\"", "\"<script>\"");

    /** The same for a path segment or a query value (percent-encoded when sent). */
    private static final List<String> TEXT_VALUES = List.of("", " ", "not-a-uuid", "1-1-1-1-1", "\u0000", "a\u0000b",
            "x".repeat(1_500), "-1", "0", "99999999999999999999", "1e3", "NaN", "null", "' or 1=1 --", "%", "%ZZ",
            "\uD83D\uDE42", "..", "<script>", "true", "00000000-0000-0000-0000-000000000000",
            "3FB4B4B5-5454-429C-8E42-63C4F28D84E1", "a/b", "a?b=c", "a#b");

    /** Whole bodies that are not the object an endpoint wants. */
    private static final List<String> BODIES = List.of("", "null", "[]", "{", "\"text\"", "42", "{\"a\":",
            "[".repeat(3_000) + "]".repeat(3_000), "\u00ff\u00fe", "{\"a\":1}{\"b\":2}", manyKeys(20_000));

    private static final Map<String, String> ids = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void ids() {
        UUID factory = UUID.randomUUID();
        UUID customer = UUID.randomUUID();
        Products.Product hoodie = Products.premiumHoodie(factory);
        UUID session = Products.openSession(hoodie);
        UUID participant = Products.joinAs(customer, session, hoodie.variant("M"), 1);
        Map<String, Object> payment = Money.awaitInvoices(session.toString(), 1).getFirst();
        ids.put("factory", factory.toString());
        ids.put("customer", customer.toString());
        ids.put("product", hoodie.id().toString());
        ids.put("variant", hoodie.variant("M").toString());
        ids.put("session", session.toString());
        ids.put("expendable", Products.openSession(hoodie).toString());
        ids.put("participant", participant.toString());
        ids.put("payment", (String) payment.get("id"));
        ids.put("invoice", (String) payment.get("invoiceId"));
        ids.put("purchaseOrder", UUID.randomUUID().toString());
        ids.put("order", UUID.randomUUID().toString());
        ids.put("notification", UUID.randomUUID().toString());
        ids.put("message", UUID.randomUUID().toString());
        Stores.Seller seller = Stores.verifiedSeller("Toko Fuzz", null);
        Stores.Listed tee = Stores.list(seller, "Fuzz Tee", List.of(Stores.variant("M", 50_000, 100)));
        var oneTee = Stores.basket(tee.variant("M"), 1);
        Stores.awaitOnSale(oneTee);
        ids.put("seller", seller.id().toString());
        ids.put("sellerUser", seller.user().toString());
        ids.put("expendableSeller", Stores.verifiedSeller("Toko Fuzz Lain", null).id().toString());
        ids.put("storeProduct", tee.id().toString());
        ids.put("storeVariant", tee.variant("M").toString());
        ids.put("storeOrder", Stores.checkout(customer, oneTee).getFirst().get("id").toString());
        ids.put("payout", UUID.randomUUID().toString());
    }

    @Test
    void mutatedRequestsToEveryWriteAndListEndpointAreNeverA5xx() throws Exception {
        Random random = new Random(SEED);
        Map<Integer, Integer> statuses = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            Endpoint endpoint = ENDPOINTS.get(i % ENDPOINTS.size());
            Sent sent = mutate(endpoint, random, i);
            HttpResponse<String> response = send(sent);
            statuses.merge(response.statusCode(), 1, Integer::sum);
            String problem = check(response);
            if (problem != null) {
                failures.add("#" + i + " (seed " + SEED + ") " + problem + "\n  " + sent + "\n  answered "
                        + response.statusCode() + " " + response.headers().firstValue("content-type").orElse("")
                        + ": " + shorten(response.body(), 300));
            }
        }
        System.out.println("FuzzIT seed " + SEED + ", " + REQUESTS + " requests over " + ENDPOINTS.size()
                + " endpoints, answers by status: " + statuses);
        assertThat(failures).as("answers that are not a 2xx or a 4xx problem+json").isEmpty();
        assertThat(statuses.keySet()).as("the run reached validation and business rules, not only the door")
                .contains(200, 400, 401, 403, 404, 409);
    }

    /** Null when the answer is acceptable, else what is wrong with it. */
    private static String check(HttpResponse<String> response) {
        int status = response.statusCode();
        if (status >= 200 && status < 300) {
            return null;
        }
        if (status >= 400 && status < 500) {
            String type = response.headers().firstValue("content-type").orElse("");
            return type.startsWith("application/problem+json") && response.body().contains("\"status\":" + status)
                    ? null : "a " + status + " without a problem+json body";
        }
        return "status " + status;
    }

    /** A request as sent: method, URI, who, content type and body. */
    private record Sent(String method, String uri, String as, String contentType, String body) {
        @Override
        public String toString() {
            return method + " " + shorten(uri, 400) + " as " + as + (body == null ? "" : " [" + contentType + "] "
                    + shorten(body, 400));
        }
    }

    private Sent mutate(Endpoint e, Random random, int n) {
        Map<String, String> query = new LinkedHashMap<>(e.query());
        Map<String, Object> body = e.body() == null ? null : copy(e.body());
        List<String> segments = new ArrayList<>(List.of(e.path().substring(1).split("/")));
        String as = e.as().name().toLowerCase();
        String rawBody = null;
        String contentType = "application/json";
        int dice = random.nextInt(100);
        if (dice < 6) {
            // unchanged: the endpoint's happy path (it may still refuse, e.g. a second leave)
        } else if (dice < 14) {
            as = List.of("nobody", "customer", "factory", "admin", "warehouse", "seller", "garbage-token", "gateway-wrong")
                    .get(random.nextInt(8));
        } else if (dice < 34 && segments.stream().anyMatch(s -> s.startsWith("{"))) {
            List<Integer> placeholders = new ArrayList<>();
            for (int i = 0; i < segments.size(); i++) {
                if (segments.get(i).startsWith("{")) {
                    placeholders.add(i);
                }
            }
            segments.set(placeholders.get(random.nextInt(placeholders.size())), pick(TEXT_VALUES, random));
        } else if (body == null || (!query.isEmpty() && dice < 60)) {
            if (query.isEmpty()) {
                query.put(pick(List.of("page", "size", "id", "x"), random), pick(TEXT_VALUES, random));
            } else {
                List<String> names = new ArrayList<>(query.keySet());
                String name = names.get(random.nextInt(names.size()));
                switch (random.nextInt(4)) {
                    case 0 -> query.remove(name);
                    case 1 -> query.put(pick(TEXT_VALUES, random), "1");
                    default -> query.put(name, pick(TEXT_VALUES, random));
                }
            }
        } else if (dice < 70) {
            rawBody = pick(BODIES, random);
            if (random.nextInt(4) == 0) {
                contentType = pick(List.of("text/plain", "application/xml", "application/json; charset=ISO-8859-1", ""), random);
            }
        } else {
            mutateBody(body, random);
        }
        String uri = e.base() + "/" + String.join("/", segments.stream().map(s -> encode(fill(s, n))).toList());
        if (!query.isEmpty()) {
            List<String> pairs = new ArrayList<>();
            query.forEach((k, v) -> pairs.add(encode(k) + "=" + encode(fill(v, n))));
            uri += "?" + String.join("&", pairs);
        }
        if (rawBody == null && body != null) {
            rawBody = fill(write(body), n);
        }
        if (e.body() == null && rawBody == null && random.nextInt(5) == 0) {
            rawBody = pick(BODIES, random); // a body where none is expected
        }
        return new Sent(e.method(), uri, as, contentType, rawBody);
    }

    /** One change to the body: a field's value, a field removed or added, or deeper in a nested object. */
    @SuppressWarnings("unchecked")
    private static void mutateBody(Map<String, Object> body, Random random) {
        Map<String, Object> target = body;
        List<String> nested = body.entrySet().stream().filter(en -> en.getValue() instanceof Map).map(Map.Entry::getKey).toList();
        if (!nested.isEmpty() && random.nextInt(3) == 0) {
            target = (Map<String, Object>) body.get(nested.get(random.nextInt(nested.size())));
        }
        List<String> names = new ArrayList<>(target.keySet());
        switch (random.nextInt(6)) {
            case 0 -> {
                if (!names.isEmpty()) {
                    target.remove(names.get(random.nextInt(names.size())));
                }
            }
            case 1 -> target.put(pick(List.of("unknown", "", "\u0000", "x".repeat(300), "\uD83D\uDE42", "__proto__"),
                    random), new Raw(pick(JSON_VALUES, random)));
            case 2 -> {
                if (!names.isEmpty()) {
                    String name = names.get(random.nextInt(names.size()));
                    Object value = target.remove(name);
                    target.put(pick(List.of("", "\u0000", "x".repeat(150), name.toUpperCase(), name + " "), random), value);
                }
            }
            default -> {
                if (!names.isEmpty()) {
                    target.put(names.get(random.nextInt(names.size())), new Raw(pick(JSON_VALUES, random)));
                }
            }
        }
    }

    private HttpResponse<String> send(Sent sent) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(sent.uri())).timeout(Duration.ofSeconds(30));
        switch (sent.as()) {
            case "nobody" -> {
            }
            case "garbage-token" -> request.header("Authorization", "Bearer not.a.token");
            case "gateway" -> request.header("x-callback-token", Platform.CALLBACK_TOKEN);
            case "gateway-wrong" -> request.header("x-callback-token", "wrong-" + Platform.CALLBACK_TOKEN);
            default -> {
                String user = switch (sent.as()) {
                    case "customer" -> ids.get("customer");
                    case "factory" -> ids.get("factory");
                    case "seller" -> ids.get("sellerUser");
                    default -> UUID.randomUUID().toString();
                };
                request.header("Authorization", "Bearer " + Platform.token(UUID.fromString(user), sent.as()));
            }
        }
        if (sent.body() != null) {
            if (!sent.contentType().isEmpty()) {
                request.header("Content-Type", sent.contentType());
            }
            request.method(sent.method(), HttpRequest.BodyPublishers.ofString(sent.body(), StandardCharsets.UTF_8));
        } else {
            request.method(sent.method(), HttpRequest.BodyPublishers.noBody());
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    // ---- small helpers: JSON bodies as maps, written with raw values where a mutation put one

    private record Raw(String json) {
    }

    private static Endpoint write(String method, String base, String path, As as, Map<String, Object> body) {
        return new Endpoint(method, base, path, as, body, Map.of());
    }

    private static Endpoint replay(String base, String topic) {
        return write("POST", base, "/api/admin/events/replay", As.ADMIN, obj("topic", topic,
                "from", "2030-01-01T00:00:00Z", "to", "2030-01-02T00:00:00Z", "dryRun", true));
    }

    private static Endpoint redrive(String base) {
        return write("POST", base, "/api/admin/dead-letters/redrive", As.ADMIN,
                obj("deadLetters", List.of(obj("partition", 0, "offset", 999_999_999))));
    }

    private static Endpoint list(String base, String path, As as, String... query) {
        Map<String, String> q = new LinkedHashMap<>();
        for (int i = 0; i < query.length; i += 2) {
            q.put(query[i], query[i + 1]);
        }
        return new Endpoint("GET", base, path, as, null, q);
    }

    private static Map<String, Object> obj(Object... pairs) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> copy(Map<String, Object> map) {
        Map<String, Object> copy = new LinkedHashMap<>();
        map.forEach((k, v) -> copy.put(k, v instanceof Map<?, ?> m ? copy((Map<String, Object>) m) : v));
        return copy;
    }

    private static String write(Object value) {
        return switch (value) {
            case null -> "null";
            case Raw raw -> raw.json();
            case String s -> json(s);
            case Number number -> number.toString();
            case Boolean b -> b.toString();
            case Map<?, ?> map -> {
                List<String> members = new ArrayList<>();
                map.forEach((k, v) -> members.add(json((String) k) + ":" + write(v)));
                yield "{" + String.join(",", members) + "}";
            }
            case List<?> list -> "[" + String.join(",", list.stream().map(FuzzIT::write).toList()) + "]";
            default -> throw new IllegalArgumentException(value.getClass().getName());
        };
    }

    private static String json(String s) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20 || Character.isSurrogate(c)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }

    private static String manyKeys(int n) {
        StringBuilder out = new StringBuilder("{");
        for (int i = 0; i < n; i++) {
            out.append(i == 0 ? "" : ",").append("\"k").append(i).append("\":").append(i);
        }
        return out.append('}').toString();
    }

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    /** {name} -> the id made for it; {n} -> the request's number (unique codes and references). */
    private static String fill(String text, int n) {
        Matcher m = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            m.appendReplacement(out, Matcher.quoteReplacement(name.equals("n") ? String.valueOf(n)
                    : ids.getOrDefault(name, m.group())));
        }
        return m.appendTail(out).toString();
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static <T> T pick(List<T> values, Random random) {
        return values.get(random.nextInt(values.size()));
    }

    private static String shorten(String text, int max) {
        return text == null || text.length() <= max ? text : text.substring(0, max) + "... (" + text.length() + " chars)";
    }
}
