package io.laku.seller.stock;

import io.laku.platform.stock.Stock;

import io.laku.seller.catalogue.SellerVariant;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * The one way a variant's stock changes: its row locked, a {@link Stock} rule applied, and the movement appended, in
 * the caller's transaction.
 */
@ApplicationScoped
public class StockBook {

    /** Why a movement happened, and who or what caused it. */
    public record Cause(String reason, UUID orderId, String actor, UUID sourceEventId) {
    }

    /**
     * Locks the variants' rows ({@code select ... for update}) in variant id order, the one order every writer uses,
     * so two transactions never wait on each other in a circle.
     */
    public Uni<Map<UUID, SellerVariant>> lock(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return SellerVariant.<SellerVariant>find("id in ?1 order by id", variantIds.stream().distinct().toList())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .map(variants -> {
                    Map<UUID, SellerVariant> byId = new LinkedHashMap<>();
                    variants.forEach(v -> byId.put(v.id, v));
                    return byId;
                });
    }

    /** Applies the change to a locked variant and appends its movement; a refused change writes nothing. */
    public Uni<StockMovement> move(SellerVariant variant, String kind, UnaryOperator<Stock> change, Cause cause) {
        Stock before = variant.stockLevel();
        Stock after = change.apply(before);
        Instant now = Instant.now();
        variant.stock = after.onHand();
        variant.reserved = after.reserved();
        variant.updatedAt = now;
        StockMovement movement = new StockMovement();
        movement.id = UUID.randomUUID();
        movement.sellerId = variant.sellerId;
        movement.variantId = variant.id;
        movement.kind = kind;
        movement.stockDelta = after.onHand() - before.onHand();
        movement.reservedDelta = after.reserved() - before.reserved();
        movement.stockAfter = after.onHand();
        movement.reservedAfter = after.reserved();
        movement.orderId = cause.orderId();
        movement.reason = cause.reason();
        movement.actor = cause.actor();
        movement.sourceEventId = cause.sourceEventId();
        movement.at = now;
        return movement.persist();
    }
}
