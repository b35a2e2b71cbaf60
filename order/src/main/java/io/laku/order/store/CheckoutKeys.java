package io.laku.order.store;

import io.laku.platform.retention.PurgeRule;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A checkout's {@code Idempotency-Key}: the first request with a key makes the orders, a repeat (same customer, same
 * key, same basket) gets that checkout back, the same key with another basket is refused. Kept for
 * {@code laku.retention.checkout-key} (default 7 days), then purged.
 */
@ApplicationScoped
public class CheckoutKeys {

    private static final String CLAIM = """
            insert into store_checkout (customer_id, idempotency_key, checkout_id, basket) values (?1, ?2, ?3, ?4)
            on conflict (customer_id, idempotency_key) do nothing""";
    private static final String EARLIER = """
            select checkout_id, basket from store_checkout where customer_id = ?1 and idempotency_key = ?2""";

    @ConfigProperty(name = "laku.retention.checkout-key")
    Duration retention;

    /** The basket as one comparable text: each variant once, in id order, with its quantity. */
    static String describe(List<CheckoutSplit.Line> basket) {
        return basket.stream().sorted(Comparator.comparing(CheckoutSplit.Line::variantId))
                .map(line -> line.variantId() + "x" + line.quantity()).collect(Collectors.joining(","));
    }

    /**
     * Claims the key for a new checkout, in the caller's transaction (a racing request with the same key waits for it).
     *
     * @return empty when this checkout is the key's first; else the checkout the key made before
     */
    public Uni<Optional<UUID>> claim(UUID customerId, String key, UUID checkoutId, List<CheckoutSplit.Line> basket) {
        String asked = describe(basket);
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                .setParameter(1, customerId)
                .setParameter(2, key)
                .setParameter(3, checkoutId)
                .setParameter(4, asked)
                .executeUpdate()
                .chain(claimed -> claimed == 1 ? Uni.createFrom().item(Optional.<UUID>empty())
                        : session.createNativeQuery(EARLIER, Object[].class)
                                .setParameter(1, customerId)
                                .setParameter(2, key)
                                .getSingleResult()
                                .map(row -> {
                                    if (!asked.equals(row[1])) {
                                        throw ProblemException.conflict("idempotency-key-reused", "Idempotency-Key "
                                                + key + " was used for another basket", "Idempotency-Key", null);
                                    }
                                    return Optional.of((UUID) row[0]);
                                })));
    }

    @Produces
    PurgeRule checkoutKeys() {
        return PurgeRule.olderThan("store_checkout", "created_at", retention);
    }
}
