package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.RestAssured;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * SPEC §7 and §8 at every seller-store endpoint: 401 without a valid token, 403 for the wrong role or someone else's
 * account, products, stock or orders; the public product read needs no token; bad input is a 4xx problem+json that
 * writes nothing.
 */
class SellerStoreAccessIT {

    private static final String PROBLEM = "application/problem+json";

    record Call(String what, String method, String url, Object body) {
        Response by(RequestSpecification who) {
            RequestSpecification spec = body == null ? who : who.body(body);
            return switch (method) {
                case "GET" -> spec.get(url);
                case "PUT" -> spec.put(url);
                default -> spec.post(url);
            };
        }
    }

    @Test
    void everyEndpointAnswers401And403AsTheSpecSays() {
        Stores.Seller seller = Stores.verifiedSeller("Toko Aman", null);
        Stores.Seller other = Stores.verifiedSeller("Toko Tetangga", null);
        Stores.Listed listed = Stores.list(seller, "Safe Box", List.of(Stores.variant("Small", 80_000, 4)));
        UUID variant = listed.variant("Small");
        var items = Stores.basket(variant, 1);
        Stores.awaitOnSale(items);
        UUID customer = UUID.randomUUID();
        Object order = Stores.checkout(customer, items).getFirst().get("id");
        Stores.awaitPaymentStatus(order, "awaiting_payment");
        String sellers = Platform.SELLER + "/api/sellers/";
        String orders = Platform.ORDER + "/api/orders/";
        Map<String, Object> shipment = Map.of("courier", "JNE", "trackingNumber", "X1");
        Map<String, Object> adjustment = Map.of("delta", 1, "reason", "found one");
        Map<String, Object> bank = Map.of("bankCode", "BCA", "accountNumber", "1234567890", "accountHolderName", "X");

        List<Call> calls = List.of(
                new Call("register", "POST", sellers, Stores.registration("X", "1234567890")),
                new Call("seller account", "GET", sellers + seller.id(), null),
                new Call("seller list", "GET", sellers, null),
                new Call("verify", "POST", sellers + seller.id() + "/verify", Map.of()),
                new Call("suspend", "POST", sellers + other.id() + "/suspend", Map.of()),
                new Call("list a product", "POST", sellers + seller.id() + "/products",
                        Map.of("name", "X", "variants", List.of(Stores.variant("X", 1, 1)))),
                new Call("products", "GET", sellers + seller.id() + "/products", null),
                new Call("adjust stock", "POST", sellers + seller.id() + "/variants/" + variant + "/stock-adjustments", adjustment),
                new Call("movements", "GET", sellers + seller.id() + "/stock-movements", null),
                new Call("checkout", "POST", Platform.ORDER + "/api/orders", Map.of("items", items)),
                new Call("preview", "POST", orders + "preview", Map.of("items", items)),
                new Call("order", "GET", orders + order, null),
                new Call("cancel", "POST", orders + order + "/cancel", Map.of()),
                new Call("ship", "POST", orders + order + "/ship", shipment),
                new Call("direct payment", "GET", Platform.PAYMENT + "/api/payments/orders/" + order, null),
                new Call("payee", "GET", Platform.SETTLEMENT + "/api/settlements/payees/" + seller.id(), null),
                new Call("bank account", "PUT", Platform.SETTLEMENT + "/api/settlements/payees/" + UUID.randomUUID() + "/bank-account", bank),
                new Call("payout run", "POST", Platform.SETTLEMENT + "/api/settlements/payouts", Map.of()),
                new Call("payouts", "GET", Platform.SETTLEMENT + "/api/settlements/payouts", null),
                new Call("settlement ledger", "GET", Platform.SETTLEMENT + "/api/settlements/ledger", null));
        for (Call call : calls) {
            call.by(Platform.anonymous()).then().statusCode(401).contentType(PROBLEM);
            call.by(Platform.anonymous().auth().oauth2("not.a.token")).then().statusCode(401);
        }

        // the wrong role, or another user's resource: 403, and nothing changes
        Function<Call, Integer> asOtherSeller = c -> c.by(as(other.user(), "seller")).statusCode();
        Function<Call, Integer> asCustomer = c -> c.by(as(customer, "customer")).statusCode();
        Function<Call, Integer> asStranger = c -> c.by(as(UUID.randomUUID(), "customer")).statusCode();
        Function<Call, Integer> asAdmin = c -> c.by(as(Stores.ADMIN, "admin")).statusCode();
        Function<Call, Integer> asTheSellerAsCustomer = c -> c.by(as(seller.user(), "customer")).statusCode();
        Map<String, List<Function<Call, Integer>>> forbidden = Map.ofEntries(
                Map.entry("seller account", List.of(asOtherSeller, asStranger)),
                Map.entry("seller list", List.of(asOtherSeller, asCustomer)),
                Map.entry("verify", List.of(asOtherSeller, asCustomer, asTheSellerAsCustomer)),
                Map.entry("suspend", List.of(asOtherSeller, asCustomer)),
                Map.entry("list a product", List.of(asOtherSeller, asCustomer, asAdmin, asTheSellerAsCustomer)),
                Map.entry("products", List.of(asOtherSeller, asCustomer)),
                Map.entry("adjust stock", List.of(asOtherSeller, asCustomer, asAdmin, asTheSellerAsCustomer)),
                Map.entry("movements", List.of(asOtherSeller, asCustomer)),
                Map.entry("checkout", List.of(asOtherSeller, asAdmin)),
                Map.entry("order", List.of(asOtherSeller, asStranger)),
                Map.entry("cancel", List.of(asOtherSeller, asStranger, asAdmin)),
                Map.entry("ship", List.of(asOtherSeller, asCustomer, asAdmin)),
                Map.entry("direct payment", List.of(asStranger, asOtherSeller)),
                Map.entry("payee", List.of(asOtherSeller, asStranger)),
                Map.entry("bank account", List.of(asCustomer, asOtherSeller)),
                Map.entry("payout run", List.of(asOtherSeller, asCustomer)),
                Map.entry("payouts", List.of(asOtherSeller, asCustomer)),
                Map.entry("settlement ledger", List.of(asOtherSeller, asCustomer)));
        for (Call call : calls) {
            for (Function<Call, Integer> who : forbidden.getOrDefault(call.what(), List.of())) {
                assertThat(who.apply(call)).as(call.what()).isEqualTo(403);
            }
        }
        // nothing changed (the order may only have expired meanwhile: the e2e stack's payment window is short)
        assertThat(Stores.stockOf(seller, variant).getFirst()).isEqualTo(4);
        var now = Stores.order(customer, "customer", order);
        assertThat(now.getString("status")).isIn("pending_payment", "cancelled");
        assertThat(now.getString("store.cancelledBy")).isIn(null, "payment_expired");
        assertThat(Stores.movements(seller)).extracting(m -> m.get("kind")).doesNotContain("deduction")
                .filteredOn("adjustment"::equals).hasSize(1);

        // the owner and the admin are let in
        as(seller.user(), "seller").get(sellers + seller.id()).then().statusCode(200);
        as(Stores.ADMIN, "admin").get(sellers + seller.id() + "/stock-movements").then().statusCode(200);
        as(seller.user(), "seller").get(orders + order).then().statusCode(200);
        as(customer, "customer").get(Platform.PAYMENT + "/api/payments/orders/" + order).then().statusCode(200);
        // the shop window needs no token
        Platform.anonymous().get(Platform.SELLER + "/api/seller-products/" + listed.id()).then().statusCode(200);
    }

    @Test
    void badInputIsAProblemAndWritesNothing() {
        UUID user = UUID.randomUUID();
        String sellers = Platform.SELLER + "/api/sellers";
        for (Object body : List.of(
                Map.of("storeName", " ", "phone", "+6281234567890", "bankAccount", Map.of("bankCode", "BCA",
                        "accountNumber", "1234567890", "accountHolderName", "X")),
                Map.of("storeName", "X", "phone", "not a phone", "bankAccount", Map.of("bankCode", "BCA",
                        "accountNumber", "1234567890", "accountHolderName", "X")),
                Map.of("storeName", "X", "phone", "+6281234567890"),
                Map.of("storeName", "X", "phone", "+6281234567890", "bankAccount", Map.of("bankCode", "BCA",
                        "accountNumber", "12ab", "accountHolderName", "X")))) {
            problem(as(user, "customer").body(body).post(sellers), 400);
        }
        problem(as(user, "customer").body("{\"storeName\": ").post(sellers), 400);
        // nothing was written: the user can still register, once
        Object id = as(user, "customer").body(Stores.registration("Toko Benar", Stores.accountNumber())).post(sellers)
                .then().statusCode(201).extract().path("id");
        problem(as(user, "customer").body(Stores.registration("Toko Lagi", Stores.accountNumber())).post(sellers), 409);
        problem(as(Stores.ADMIN, "admin").body(Map.of("feeBps", 20_000)).post(sellers + "/" + id + "/verify"), 400);
        problem(as(Stores.ADMIN, "admin").get(sellers + "/not-a-uuid"), 400);
        problem(as(Stores.ADMIN, "admin").get(sellers + "/" + UUID.randomUUID()), 404);
        problem(as(Stores.ADMIN, "admin").queryParam("status", "sleeping").get(sellers), 400);
        assertThat(as(user, "customer").get(sellers + "/" + id).then().extract().jsonPath().getString("status"))
                .isEqualTo("pending_verification");

        Stores.Seller seller = Stores.verifiedSeller("Toko Teliti", null);
        String products = sellers + "/" + seller.id() + "/products";
        for (Object body : List.of(
                Map.of("name", "X", "variants", List.of()),
                Map.of("name", " ", "variants", List.of(Stores.variant("A", 1, 1))),
                Map.of("name", "X", "variants", List.of(Map.of("name", "A", "sku", "A", "price", 0, "stock", 1))),
                Map.of("name", "X", "variants", List.of(Map.of("name", "A", "sku", "A", "price", 10, "stock", -1))),
                Map.of("name", "X", "variants", List.of(Map.of("name", "A", "sku", "A", "price", "ten", "stock", 1))),
                Map.of("name", "X", "sourceProductId", "not-a-uuid", "variants", List.of(Stores.variant("A", 1, 1))),
                Map.of("name", "X", "variants", List.of(Map.of("name", "A", "sku", "SAME", "price", 10, "stock", 1),
                        Map.of("name", "B", "sku", "SAME", "price", 10, "stock", 1))))) {
            problem(as(seller.user(), "seller").body(body).post(products), 400);
        }
        assertThat(as(seller.user(), "seller").get(products).then().statusCode(200).extract().jsonPath().getLong("total")).isZero();

        Stores.Listed listed = Stores.list(seller, "Careful Cup", List.of(Stores.variant("Tall", 30_000, 2)));
        UUID variant = listed.variant("Tall");
        String adjust = sellers + "/" + seller.id() + "/variants/" + variant + "/stock-adjustments";
        problem(as(seller.user(), "seller").body(Map.of("delta", 0, "reason", "nothing")).post(adjust), 400);
        problem(as(seller.user(), "seller").body(Map.of("delta", 1, "reason", " ")).post(adjust), 400);
        problem(as(seller.user(), "seller").body(Map.of("delta", 1.5, "reason", "half")).post(adjust), 400);
        problem(as(seller.user(), "seller").body(Map.of("delta", -3, "reason", "lost three")).post(adjust), 409);
        problem(as(seller.user(), "seller").body(Map.of("delta", 1, "reason", "x"))
                .post(sellers + "/" + seller.id() + "/variants/" + UUID.randomUUID() + "/stock-adjustments"), 404);
        assertThat(Stores.movements(seller)).hasSize(1);
        assertThat(Stores.stockOf(seller, variant)).containsExactly(2L, 0L, 2L);
        assertThat(as(seller.user(), "seller").body(Map.of("delta", -1, "reason", "one broke")).post(adjust)
                .then().statusCode(201).extract().jsonPath().getLong("stock")).isEqualTo(1);

        // the checkout
        var items = Stores.basket(variant, 1);
        Stores.awaitOnSale(items);
        UUID customer = UUID.randomUUID();
        String checkout = Platform.ORDER + "/api/orders";
        for (Object body : List.of(Map.of("items", List.of()), Map.of(),
                Map.of("items", List.of(Map.of("variantId", variant.toString(), "quantity", 0))),
                Map.of("items", List.of(Map.of("variantId", "nope", "quantity", 1))),
                Map.of("items", List.of(Map.of("variantId", variant.toString()))),
                Map.of("items", List.of(Map.of("variantId", variant.toString(), "quantity", 1),
                        Map.of("variantId", variant.toString(), "quantity", 2))))) {
            problem(as(customer, "customer").body(body).post(checkout), 400);
        }
        problem(as(customer, "customer").body(Map.of("items", Stores.basket(UUID.randomUUID(), 1))).post(checkout), 409);
        assertThat(as(customer, "customer").get(checkout).then().statusCode(200).extract().jsonPath().getLong("total")).isZero();
        Object order = Stores.checkout(customer, items).getFirst().get("id");
        problem(as(seller.user(), "seller").body(Map.of("courier", " ", "trackingNumber", "X")).post(checkout + "/" + order + "/ship"), 400);
        problem(as(seller.user(), "seller").body(Map.of("courier", "JNE", "trackingNumber", "X")).post(checkout + "/" + order + "/ship"), 409);
        problem(as(customer, "customer").body(Map.of()).post(checkout + "/not-a-uuid/cancel"), 400);
        problem(as(customer, "customer").body(Map.of()).post(checkout + "/" + UUID.randomUUID() + "/cancel"), 404);

        // settlement
        problem(as(Stores.ADMIN, "admin").body(Map.of("minimumAmount", 0)).post(Platform.SETTLEMENT + "/api/settlements/payouts"), 400);
        problem(as(Stores.ADMIN, "admin").body(Map.of("bankCode", "bca", "accountNumber", "1", "accountHolderName", " "))
                .put(Platform.SETTLEMENT + "/api/settlements/payees/" + UUID.randomUUID() + "/bank-account"), 400);
        Stores.awaitPayee(seller.id(), p -> p.getInt("feeBps") == 500, "known to settlement");
        problem(as(Stores.ADMIN, "admin").body(Map.of("bankCode", "BCA", "accountNumber", "1234567", "accountHolderName", "X"))
                .put(Platform.SETTLEMENT + "/api/settlements/payees/" + seller.id() + "/bank-account"), 409);
        assertThat(Stores.payee(seller.id()).getString("bankAccount.accountNumber")).isEqualTo(seller.accountNumber());
        String webhook = Platform.SETTLEMENT + "/api/settlements/webhooks/xendit-disbursement";
        RestAssured.given().header("x-callback-token", "wrong").body("{}").post(webhook).then().statusCode(401);
        RestAssured.given().header("x-callback-token", Platform.CALLBACK_TOKEN).body("{not json").post(webhook)
                .then().statusCode(400).contentType(PROBLEM);
        RestAssured.given().header("x-callback-token", Platform.CALLBACK_TOKEN).body(Map.of("id", "disb_x",
                "external_id", UUID.randomUUID().toString(), "status", "COMPLETED", "amount", 1)).contentType("application/json")
                .post(webhook).then().statusCode(404).contentType(PROBLEM);
    }

    private static void problem(Response response, int status) {
        response.then().statusCode(status).contentType(PROBLEM);
        assertThat(response.jsonPath().getString("type")).startsWith("https://laku.io/problems/");
        assertThat(response.jsonPath().getString("detail")).isNotBlank();
    }
}
