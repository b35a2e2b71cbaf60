package io.laku.seller.stock;

import io.laku.platform.stock.Stock;

import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.order.StoreOrderCancelled;
import io.laku.contracts.order.StoreOrderLine;
import io.laku.contracts.order.StoreOrderPlaced;
import io.laku.contracts.order.StoreOrderShipped;
import io.laku.contracts.sellerstock.OrderStockRejected;
import io.laku.contracts.sellerstock.OrderStockReserved;
import io.laku.contracts.sellerstock.StockLine;
import io.laku.contracts.sellerstock.StockRejection;
import io.laku.platform.eventing.InboundEvent;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.PoisonEventException;
import io.laku.seller.accounts.Seller;
import io.laku.seller.catalogue.SellerVariant;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import org.jboss.logging.Logger;

/**
 * A store order's stock, driven by the order's events (SPEC §8): placed -> every line reserved or the whole order
 * rejected; cancelled -> released; shipped -> deducted. Each runs in the consumer's transaction with its inbox row,
 * and {@code order_reservation} (one row per order) makes each step once-only on its own too.
 */
@ApplicationScoped
public class Reservations {

    private static final Logger LOG = Logger.getLogger(Reservations.class);
    private static final String ACTOR = "order";

    private static final String CLAIM = """
            insert into order_reservation (order_id, seller_id, status, created_at, updated_at)
            values (?1, ?2, 'reserved', ?3, ?3) on conflict (order_id) do nothing""";

    @Inject
    StockBook book;

    @Inject
    OutboxWriter outbox;

    public Uni<Void> placed(InboundEvent event, StoreOrderPlaced placed) {
        UUID orderId = uuid(placed.getOrderId(), "orderId");
        UUID sellerId = uuid(placed.getSellerId(), "sellerId");
        List<ReservationRule.Line> lines = placed.getLines().stream()
                .map((StoreOrderLine l) -> new ReservationRule.Line(uuid(l.getVariantId(), "variantId"), l.getQuantity()))
                .toList();
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM)
                        .setParameter(1, orderId).setParameter(2, sellerId).setParameter(3, now).executeUpdate())
                .chain(claimed -> {
                    if (claimed == 0) {
                        LOG.infof("Store order %s: already handled; nothing changes", orderId);
                        return Uni.createFrom().voidItem();
                    }
                    return Seller.<Seller>findById(sellerId).chain(seller -> book.lock(lines.stream()
                                    .map(ReservationRule.Line::variantId).toList())
                            .chain(locked -> decide(event, orderId, sellerId, seller, lines, locked)));
                });
    }

    private Uni<Void> decide(InboundEvent event, UUID orderId, UUID sellerId, Seller seller,
            List<ReservationRule.Line> lines, Map<UUID, SellerVariant> locked) {
        Map<UUID, Stock> stockOfSeller = new HashMap<>();
        locked.values().stream().filter(v -> v.sellerId.equals(sellerId)).forEach(v -> stockOfSeller.put(v.id, v.stockLevel()));
        boolean sells = seller != null && seller.state().sells();
        ReservationRule.Decision decision = ReservationRule.decide(sells, lines, stockOfSeller);
        return persistLines(orderId, lines).chain(() -> OrderReservation.<OrderReservation>findById(orderId)).chain(row -> {
            if (decision instanceof ReservationRule.Reject reject) {
                row.status = OrderReservation.REJECTED;
                row.rejectionReason = reject.reason().name().toLowerCase();
                row.rejectedVariantId = reject.variantId();
                row.updatedAt = Instant.now();
                LOG.infof("Store order %s rejected: %s %s (%s wanted, %s available)", orderId, reject.reason(),
                        reject.variantId(), reject.requested(), reject.available());
                return outbox.publish(orderId, OrderStockRejected.newBuilder()
                        .setOrderId(orderId.toString())
                        .setSellerId(sellerId.toString())
                        .setReason(StockRejection.valueOf(reject.reason().name()))
                        .setVariantId(reject.variantId() == null ? null : reject.variantId().toString())
                        .setRequested(reject.requested())
                        .setAvailable(reject.available())
                        .setRejectedAt(Instant.now())
                        .build()).replaceWithVoid();
            }
            Map<UUID, Long> units = ((ReservationRule.Reserve) decision).units();
            List<UUID> inLockOrder = locked.keySet().stream().filter(units::containsKey).sorted().toList();
            StockBook.Cause cause = new StockBook.Cause("store order reserved", orderId, ACTOR, event.id());
            return inOrder(inLockOrder, variantId -> book.move(locked.get(variantId), StockMovement.RESERVATION,
                            stock -> stock.reserve(units.get(variantId)), cause))
                    .chain(() -> outbox.publish(orderId, OrderStockReserved.newBuilder()
                            .setOrderId(orderId.toString())
                            .setSellerId(sellerId.toString())
                            .setLines(lines.stream().map(l -> StockLine.newBuilder().setVariantId(l.variantId().toString())
                                    .setQuantity(l.quantity()).build()).toList())
                            .setReservedAt(Instant.now())
                            .build()))
                    .invoke(() -> LOG.infof("Store order %s: reserved %s", orderId, units))
                    .replaceWithVoid();
        });
    }

    /** The order was cancelled (by the customer, the seller, or an expired payment): its units come back. */
    public Uni<Void> cancelled(InboundEvent event, StoreOrderCancelled cancelled) {
        UUID orderId = uuid(cancelled.getOrderId(), "orderId");
        return settle(event, orderId, OrderReservation.RELEASED, StockMovement.RELEASE,
                "store order cancelled (" + cancelled.getCancelledBy().name().toLowerCase() + ")", Stock::release);
    }

    /** The order was shipped: its units leave the seller's stock. */
    public Uni<Void> shipped(InboundEvent event, StoreOrderShipped shipped) {
        UUID orderId = uuid(shipped.getOrderId(), "orderId");
        return settle(event, orderId, OrderReservation.DEDUCTED, StockMovement.DEDUCTION,
                "store order shipped (" + shipped.getCourier() + " " + shipped.getTrackingNumber() + ")", Stock::deduct);
    }

    private interface LineChange {
        Stock apply(Stock stock, long quantity);
    }

    private Uni<Void> settle(InboundEvent event, UUID orderId, String status, String kind, String reason, LineChange change) {
        return OrderReservation.<OrderReservation>findById(orderId, LockModeType.PESSIMISTIC_WRITE).chain(row -> {
            if (row == null || !OrderReservation.RESERVED.equals(row.status)) {
                LOG.infof("Store order %s: nothing held (%s); nothing to %s", orderId, row == null ? "unknown" : row.status,
                        kind);
                return Uni.createFrom().voidItem();
            }
            return OrderReservationLine.<OrderReservationLine>list("orderId", orderId).chain(lines -> {
                Map<UUID, Long> units = new HashMap<>();
                lines.forEach(l -> units.put(l.variantId, l.quantity));
                StockBook.Cause cause = new StockBook.Cause(reason, orderId, ACTOR, event.id());
                return book.lock(units.keySet()).chain(locked -> inOrder(new ArrayList<>(locked.values()),
                                (SellerVariant v) -> book.move(v, kind, stock -> change.apply(stock, units.get(v.id)), cause)))
                        .invoke(() -> {
                            row.status = status;
                            row.updatedAt = Instant.now();
                            LOG.infof("Store order %s: %s %s", orderId, kind, units);
                        });
            });
        });
    }

    private static Uni<Void> persistLines(UUID orderId, List<ReservationRule.Line> lines) {
        Map<UUID, Long> merged = new java.util.LinkedHashMap<>();
        lines.forEach(l -> merged.merge(l.variantId(), l.quantity(), Math::addExact));
        List<OrderReservationLine> rows = new ArrayList<>();
        merged.forEach((variantId, quantity) -> {
            OrderReservationLine row = new OrderReservationLine();
            row.id = UUID.randomUUID();
            row.orderId = orderId;
            row.variantId = variantId;
            row.quantity = quantity;
            row.line = rows.size() + 1;
            rows.add(row);
        });
        rows.sort(Comparator.comparing(r -> r.line));
        return inOrder(rows, row -> row.persist());
    }

    private static UUID uuid(String value, String field) {
        try {
            return UUID.fromString(value);
        } catch (RuntimeException e) {
            throw new PoisonEventException(field + " is not a UUID: " + value);
        }
    }
}
