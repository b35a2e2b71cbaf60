package io.laku.e2e;

import static io.laku.e2e.Stores.number;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/** SPEC §8: under any concurrency no variant is reserved past its stock. */
class SellerStockConcurrencyIT {

    private static final int CHECKOUTS = 32;

    @Test
    void thirtyTwoCheckoutsForFiveUnitsReserveExactlyFiveAndRejectTheRest() throws Exception {
        Stores.Seller seller = Stores.verifiedSeller("Toko Terbatas", null);
        Stores.Listed tee = Stores.list(seller, "Limited Tee", List.of(Stores.variant("Only", 99_000, 5)));
        UUID variant = tee.variant("Only");
        var oneUnit = Stores.basket(variant, 1);
        Stores.awaitOnSale(oneUnit);

        ExecutorService pool = Executors.newFixedThreadPool(CHECKOUTS);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Map<String, Object>>> placed = new ArrayList<>();
        List<UUID> customers = new ArrayList<>();
        try {
            for (int i = 0; i < CHECKOUTS; i++) {
                UUID customer = UUID.randomUUID();
                customers.add(customer);
                placed.add(pool.submit(() -> {
                    start.await();
                    return Stores.checkout(customer, oneUnit).getFirst();
                }));
            }
            start.countDown();
            List<Map<String, Object>> orders = new ArrayList<>();
            for (Future<Map<String, Object>> f : placed) {
                orders.add(f.get());
            }
            assertThat(orders).hasSize(CHECKOUTS).allSatisfy(o -> assertThat(o.get("status")).isEqualTo("pending_stock_check"));

            // every order gets the seller's answer: held (then to pay) or rejected
            List<JsonPath> answered = new ArrayList<>();
            for (int i = 0; i < CHECKOUTS; i++) {
                answered.add(Stores.awaitOrder(customers.get(i), orders.get(i).get("id"),
                        o -> !"pending_stock_check".equals(o.getString("status")), "answered by the seller"));
            }
            List<JsonPath> rejected = answered.stream().filter(o -> "rejected".equals(o.getString("status"))).toList();
            assertThat(answered.size() - rejected.size()).isEqualTo(5);
            assertThat(rejected).hasSize(CHECKOUTS - 5).allSatisfy(o -> {
                assertThat(o.getString("store.rejectionReason")).isEqualTo("out_of_stock");
                assertThat(o.getString("store.rejectedVariantId")).isEqualTo(variant.toString());
            });
        } finally {
            pool.shutdownNow();
        }

        List<Map<String, Object>> trail = Stores.movements(seller);
        assertThat(trail.stream().filter(m -> "reservation".equals(m.get("kind")))).hasSize(5);
        assertThat(trail).allSatisfy(m -> {
            assertThat(number(m, "stockAfter")).isEqualTo(5);
            assertThat(number(m, "reservedAfter")).isBetween(0L, 5L);
        });
        // exactly the five held units are reserved (less any released since by an expired payment); stock never moved
        long released = trail.stream().filter(m -> "release".equals(m.get("kind"))).count();
        List<Long> stock = Stores.stockOf(seller, variant);
        assertThat(stock.get(0)).isEqualTo(5);
        assertThat(stock.get(1)).isEqualTo(5 - released);
    }
}
