package io.laku.warehouse.inventory;

import io.laku.platform.stock.Stock;
import io.laku.platform.stock.StockRefusedException;

import io.quarkus.hibernate.reactive.panache.Panache;
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
 * Stock per variant and its audit trail. Every change locks the rows it touches ({@link #lock}) and goes through
 * {@link #move}, which applies a {@link Stock} rule and appends the movement in the caller's transaction.
 */
@ApplicationScoped
public class Inventory {

    private static final String OPEN = """
            insert into inventory (variant_id, product_id) values (?1, ?2) on conflict (variant_id) do nothing""";

    /** Who and what caused a movement. */
    public record Cause(String reason, UUID sessionId, UUID purchaseOrderId, String actor, UUID sourceEventId) {
    }

    /** The inventory row of a variant seen for the first time, at 0 on hand and 0 reserved. */
    public Uni<Void> open(UUID variantId, UUID productId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN)
                .setParameter(1, variantId)
                .setParameter(2, productId)
                .executeUpdate()).replaceWithVoid();
    }

    /**
     * Locks the inventory rows of these variants ({@code select ... for update}) in variant id order, the one order
     * every writer uses, so two transactions never wait on each other in a circle.
     */
    public Uni<Map<UUID, InventoryItem>> lock(Collection<UUID> variantIds) {
        if (variantIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return InventoryItem.<InventoryItem>find("variantId in ?1 order by variantId", variantIds.stream().distinct().toList())
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .list()
                .map(items -> {
                    Map<UUID, InventoryItem> byVariant = new LinkedHashMap<>();
                    items.forEach(item -> byVariant.put(item.variantId, item));
                    return byVariant;
                });
    }

    /**
     * Applies a stock rule to a locked row and records the movement. A refused change throws
     * {@link StockRefusedException} before anything is written.
     */
    public Uni<StockMovement> move(InventoryItem item, String kind, UnaryOperator<Stock> change, Cause cause) {
        Stock before = item.stock();
        Stock after = change.apply(before);
        Instant now = Instant.now();
        item.onHand = after.onHand();
        item.reserved = after.reserved();
        item.updatedAt = now;
        StockMovement movement = new StockMovement();
        movement.id = UUID.randomUUID();
        movement.variantId = item.variantId;
        movement.kind = kind;
        movement.onHandDelta = after.onHand() - before.onHand();
        movement.reservedDelta = after.reserved() - before.reserved();
        movement.onHandAfter = after.onHand();
        movement.reservedAfter = after.reserved();
        movement.reason = cause.reason();
        movement.sessionId = cause.sessionId();
        movement.purchaseOrderId = cause.purchaseOrderId();
        movement.actor = cause.actor();
        movement.sourceEventId = cause.sourceEventId();
        movement.at = now;
        return movement.persist();
    }
}
