package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * A customer's checkout retried (a double tap, an answer lost on the way) with the same Idempotency-Key makes its
 * orders once: the repeats answer the same orders, also when they race, and hold no more stock.
 */
class CheckoutRetriesIT {

    private static Response checkout(UUID customer, String key, List<Map<String, Object>> items) {
        return as(customer, "customer").header("Idempotency-Key", key).body(Map.of("items", items))
                .post(Platform.ORDER + "/api/orders");
    }

    private static List<String> orderIds(Response response) {
        return response.then().statusCode(201).extract().jsonPath().getList("orders.id", String.class);
    }

    @Test
    void aRetriedCheckoutAnswersTheSameOrdersAndMakesNoOthers() throws Exception {
        Stores.Seller seller = Stores.verifiedSeller("Toko Sekali", null);
        Stores.Listed tee = Stores.list(seller, "Once Tee", List.of(Stores.variant("M", 80_000, 10)));
        UUID variant = tee.variant("M");
        var twoUnits = Stores.basket(variant, 2);
        Stores.awaitOnSale(twoUnits);
        UUID customer = UUID.randomUUID();
        String key = "checkout-" + UUID.randomUUID();

        Response first = checkout(customer, key, twoUnits);
        List<String> ids = orderIds(first);
        assertThat(ids).hasSize(1);
        assertThat(first.header("Idempotent-Replayed")).isEqualTo("false");

        Response again = checkout(customer, key, twoUnits);
        assertThat(orderIds(again)).isEqualTo(ids);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");

        // eight racing repeats: every one waits for the key's first checkout and answers its orders
        ExecutorService pool = Executors.newFixedThreadPool(8);
        String racedKey = "raced-" + UUID.randomUUID();
        CountDownLatch start = new CountDownLatch(1);
        List<Future<List<String>>> raced = new ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                raced.add(pool.submit(() -> {
                    start.await();
                    return orderIds(checkout(customer, racedKey, twoUnits));
                }));
            }
            start.countDown();
            List<List<String>> answers = new ArrayList<>();
            for (Future<List<String>> answer : raced) {
                answers.add(answer.get());
            }
            assertThat(answers).hasSize(8).allSatisfy(a -> assertThat(a).isEqualTo(answers.getFirst()).hasSize(1));
            assertThat(answers.getFirst()).doesNotContainAnyElementsOf(ids);
        } finally {
            pool.shutdownNow();
        }

        // two checkouts in all: 4 units held, 6 left
        List<Map<String, Object>> orders = as(customer, "customer").get(Platform.ORDER + "/api/orders?userId=" + customer)
                .then().statusCode(200).extract().jsonPath().getList("items");
        assertThat(orders).hasSize(2);
        Stores.awaitStock(seller, variant, List.of(10L, 4L, 6L));
    }

    @Test
    void aKeyNamesOneBasketAndIsWellFormed() {
        Stores.Seller seller = Stores.verifiedSeller("Toko Kunci", null);
        Stores.Listed tee = Stores.list(seller, "Key Tee", List.of(Stores.variant("L", 70_000, 10)));
        UUID variant = tee.variant("L");
        Stores.awaitOnSale(Stores.basket(variant, 1));
        UUID customer = UUID.randomUUID();
        String key = "basket-" + UUID.randomUUID();
        orderIds(checkout(customer, key, Stores.basket(variant, 1)));

        checkout(customer, key, Stores.basket(variant, 3)).then().statusCode(409)
                .contentType("application/problem+json").body("type", org.hamcrest.Matchers.endsWith("idempotency-key-reused"));
        // another customer's key is their own
        orderIds(checkout(UUID.randomUUID(), key, Stores.basket(variant, 3)));

        checkout(customer, "x".repeat(101), Stores.basket(variant, 1)).then().statusCode(400).contentType("application/problem+json");
        checkout(customer, "has space", Stores.basket(variant, 1)).then().statusCode(400);
        assertThat(as(customer, "customer").get(Platform.ORDER + "/api/orders?userId=" + customer).then().statusCode(200)
                .extract().jsonPath().getList("items")).hasSize(1);
    }
}
