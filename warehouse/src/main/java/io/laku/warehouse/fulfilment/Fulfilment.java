package io.laku.warehouse.fulfilment;

import static io.laku.warehouse.support.EventFields.uuid;
import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.ReceivedUnits;
import io.laku.contracts.fulfilment.ReservedUnits;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.VariantDemand;
import io.laku.platform.eventing.InboundEvent;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.PoisonEventException;
import io.laku.platform.web.ProblemException;
import io.laku.warehouse.catalogue.Catalogue;
import io.laku.warehouse.catalogue.Product;
import io.laku.warehouse.catalogue.Variant;
import io.laku.warehouse.fulfilment.FulfilmentPlan.PurchaseOrderPlan;
import io.laku.warehouse.inventory.Inventory;
import io.laku.warehouse.inventory.InventoryItem;
import io.laku.warehouse.inventory.StockMovement;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * SPEC §5 steps 3 and 4: a confirmed session's demand is reserved from stock on hand, and what is missing is ordered
 * from the factory in whole bundles; when the factory delivers, the units go on hand and the rest of the demand is
 * reserved. Every step runs in one transaction (the consumer's or the request's) and publishes through the outbox.
 */
@ApplicationScoped
public class Fulfilment {

    private static final Logger LOG = Logger.getLogger(Fulfilment.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    Catalogue catalogue;

    @Inject
    Inventory inventory;

    @Inject
    OutboxWriter outbox;

    /** A demand line as the session confirmed it, with the name it was sold under. */
    private record ConfirmedLine(UUID variantId, String variantName, long units, Integer unitsPerBundle) {
    }

    /**
     * Fulfils a confirmed session once: the session_fulfilment row (keyed by session id) makes a second delivery,
     * even one published again with a new event id, change nothing.
     */
    public Uni<Void> sessionConfirmed(InboundEvent event, SessionConfirmed confirmed) {
        UUID sessionId = uuid(confirmed.getSessionId(), "sessionId");
        UUID productId = uuid(confirmed.getProductId(), "productId");
        UUID factoryId = uuid(confirmed.getFactoryId(), "factoryId");
        List<ConfirmedLine> lines = new ArrayList<>();
        for (VariantDemand d : confirmed.getDemand()) {
            lines.add(new ConfirmedLine(uuid(d.getVariantId(), "demand.variantId"), d.getVariantName(), d.getUnits(),
                    d.getUnitsPerBundle()));
        }
        Demand demand;
        try {
            demand = new Demand(lines.stream().map(l -> new Demand.Line(l.variantId(), l.units(), l.unitsPerBundle())).toList());
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("SessionConfirmed " + sessionId + " has an unusable demand: " + e.getMessage(), e);
        }
        return SessionFulfilment.<SessionFulfilment>findById(sessionId).chain(existing -> {
            if (existing != null) {
                LOG.infof("Session %s is already fulfilled (%s, by event %s); %s changes nothing", sessionId,
                        existing.status, existing.sourceEventId, event);
                return Uni.createFrom().voidItem();
            }
            return catalogue.learnFrom(confirmed)
                    .chain(() -> Variant.ofProduct(productId))
                    .chain(variants -> {
                        Demand whole = demand.withBundleMates(variants.stream()
                                .map(v -> new Demand.Line(v.id, 0, v.unitsPerBundle)).toList());
                        Map<UUID, String> names = new HashMap<>();
                        variants.forEach(v -> names.put(v.id, v.name));
                        lines.forEach(l -> names.put(l.variantId(), l.variantName()));
                        return inventory.lock(whole.lines().stream().map(Demand.Line::variantId).toList())
                                .chain(locked -> fulfil(event, sessionId, productId, factoryId, lines, whole, names, locked));
                    });
        });
    }

    private Uni<Void> fulfil(InboundEvent event, UUID sessionId, UUID productId, UUID factoryId, List<ConfirmedLine> lines,
            Demand demand, Map<UUID, String> names, Map<UUID, InventoryItem> locked) {
        Map<UUID, Long> available = new HashMap<>();
        locked.forEach((variantId, item) -> available.put(variantId, item.stock().available()));
        FulfilmentPlan plan = FulfilmentPlan.of(demand, available);
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        UUID purchaseOrderId = plan.fromStockOnHand() ? null : UUID.randomUUID();
        Inventory.Cause cause = new Inventory.Cause("held for session " + sessionId + " from stock on hand", sessionId,
                null, StockMovement.SAGA, event.id());

        SessionFulfilment fulfilment = new SessionFulfilment();
        fulfilment.sessionId = sessionId;
        fulfilment.productId = productId;
        fulfilment.factoryId = factoryId;
        fulfilment.status = plan.fromStockOnHand() ? SessionFulfilment.RESERVED : SessionFulfilment.AWAITING_PURCHASE_ORDER;
        fulfilment.fromStockOnHand = plan.fromStockOnHand();
        fulfilment.purchaseOrderId = purchaseOrderId;
        fulfilment.sourceEventId = event.id();
        fulfilment.createdAt = now;
        fulfilment.updatedAt = now;
        List<SessionFulfilmentLine> fulfilmentLines = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ConfirmedLine l = lines.get(i);
            SessionFulfilmentLine line = new SessionFulfilmentLine();
            line.id = UUID.randomUUID();
            line.sessionId = sessionId;
            line.variantId = l.variantId();
            line.variantName = l.variantName();
            line.units = l.units();
            line.unitsPerBundle = l.unitsPerBundle();
            line.reservedFromStock = plan.reserveNow().getOrDefault(l.variantId(), 0L);
            line.position = i;
            fulfilmentLines.add(line);
        }

        Uni<Void> reserved = inOrder(plan.reserveNow().entrySet().stream().filter(e -> e.getValue() > 0).toList(),
                reservation -> inventory.move(locked(locked, reservation.getKey()), StockMovement.RESERVATION,
                        stock -> stock.reserve(reservation.getValue()), cause));
        if (plan.fromStockOnHand()) {
            return reserved
                    .chain(() -> fulfilment.persist())
                    .chain(() -> inOrder(fulfilmentLines, line -> line.persist()))
                    .chain(() -> outbox.publish(sessionId, stockReserved(fulfilment, fulfilmentLines, now)))
                    .invoke(() -> LOG.infof("Session %s: whole demand (%d units) reserved from stock on hand", sessionId,
                            lines.stream().mapToLong(ConfirmedLine::units).sum()))
                    .replaceWithVoid();
        }
        PurchaseOrderPlan ordered = plan.purchaseOrder().orElseThrow();
        return reserved
                .chain(() -> Product.<Product>findById(productId))
                .chain(product -> {
                    PurchaseOrder po = new PurchaseOrder();
                    po.id = purchaseOrderId;
                    po.poNumber = PurchaseOrderNumbers.next(now, RANDOM);
                    po.sessionId = sessionId;
                    po.factoryId = factoryId;
                    po.productId = productId;
                    po.productName = product == null ? "" : product.name;
                    po.bundles = ordered.bundles();
                    po.status = PurchaseOrder.OPEN;
                    po.createdAt = now;
                    List<PurchaseOrderLine> poLines = new ArrayList<>();
                    for (int i = 0; i < ordered.lines().size(); i++) {
                        PurchaseOrderPlan.Line planned = ordered.lines().get(i);
                        PurchaseOrderLine line = new PurchaseOrderLine();
                        line.id = UUID.randomUUID();
                        line.purchaseOrderId = po.id;
                        line.variantId = planned.variantId();
                        line.variantName = names.getOrDefault(planned.variantId(), "");
                        line.unitsPerBundle = planned.unitsPerBundle();
                        line.missingUnits = planned.missingUnits();
                        line.orderedUnits = planned.orderedUnits();
                        line.position = i;
                        poLines.add(line);
                    }
                    return po.<PurchaseOrder>persist()
                            .chain(() -> inOrder(poLines, line -> line.persist()))
                            .chain(() -> fulfilment.persist())
                            .chain(() -> inOrder(fulfilmentLines, line -> line.persist()))
                            .chain(() -> outbox.publish(sessionId, purchaseOrderCreated(po, poLines)))
                            .invoke(() -> LOG.infof("Session %s: purchase order %s for %d bundles to factory %s",
                                    sessionId, po.poNumber, po.bundles, factoryId));
                })
                .replaceWithVoid();
    }

    /** A delivery as warehouse staff counted it: units per variant (variants not named: none came). */
    public record Delivery(Map<UUID, Long> counted, String note) {
    }

    /**
     * Warehouse staff (or an admin) counted a delivery against a purchase order (SPEC §5.4, §7): the units counted go
     * on hand, as many as the session still misses are reserved for it ({@link Receiving}), and what the factory
     * still owes stays open on the purchase order. Once the session's missing units have all arrived, its demand is
     * held ({@code StockReserved}, once). The purchase order row is locked first, so simultaneous deliveries are
     * counted one after the other. A refusal ({@link Receiving.Refused}) is thrown before anything is written.
     */
    public Uni<PurchaseOrder> receive(UUID purchaseOrderId, Delivery delivery, UUID receiver) {
        return PurchaseOrder.<PurchaseOrder>findById(purchaseOrderId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Purchase order", purchaseOrderId))
                .chain(po -> PurchaseOrderLine.ofOrder(po.id).chain(lines -> {
                    Receiving.Receipt receipt = Receiving.receive(lines.stream().map(PurchaseOrderLine::forReceiving)
                            .toList(), delivery.counted());
                    return SessionFulfilment.<SessionFulfilment>findById(po.sessionId, LockModeType.PESSIMISTIC_WRITE)
                            .chain(fulfilment -> inventory.lock(lines.stream().map(l -> l.variantId).toList())
                                    .chain(locked -> book(po, lines, receipt, delivery, fulfilment, locked, receiver)));
                }));
    }

    private Uni<PurchaseOrder> book(PurchaseOrder po, List<PurchaseOrderLine> lines, Receiving.Receipt receipt,
            Delivery delivery, SessionFulfilment fulfilment, Map<UUID, InventoryItem> locked, UUID receiver) {
        if (fulfilment == null) {
            throw new IllegalStateException("Purchase order " + po.id + " has no session fulfilment " + po.sessionId);
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        PurchaseOrderReceipt stored = new PurchaseOrderReceipt();
        stored.id = UUID.randomUUID();
        stored.purchaseOrderId = po.id;
        stored.sessionId = po.sessionId;
        stored.receivedBy = receiver;
        stored.receivedAt = now;
        stored.outstandingUnits = receipt.outstandingUnits();
        stored.note = delivery.note();
        Inventory.Cause cause = new Inventory.Cause("purchase order " + po.poNumber + " delivery counted", po.sessionId,
                po.id, receiver.toString(), null);
        Map<UUID, PurchaseOrderLine> byVariant = new HashMap<>();
        lines.forEach(l -> byVariant.put(l.variantId, l));
        List<PurchaseOrderReceiptLine> receiptLines = new ArrayList<>();
        for (Receiving.Booked booked : receipt.lines()) {
            byVariant.get(booked.variantId()).receivedUnits = booked.receivedUnits();
            PurchaseOrderReceiptLine line = new PurchaseOrderReceiptLine();
            line.id = UUID.randomUUID();
            line.receiptId = stored.id;
            line.variantId = booked.variantId();
            line.countedUnits = booked.countedUnits();
            line.reservedUnits = booked.reserveNow();
            line.outstandingUnits = booked.outstandingUnits();
            line.overUnits = booked.overUnits();
            receiptLines.add(line);
        }
        po.status = receipt.complete() ? PurchaseOrder.RECEIVED : PurchaseOrder.PARTIALLY_RECEIVED;
        if (receipt.complete()) {
            po.receivedAt = now;
            po.receivedBy = receiver;
        }
        List<Receiving.Booked> counted = receipt.lines().stream().filter(b -> b.countedUnits() > 0).toList();
        return inOrder(counted, booked -> {
                    InventoryItem item = locked(locked, booked.variantId());
                    Uni<StockMovement> received = inventory.move(item, StockMovement.PURCHASE_ORDER_RECEIPT,
                            stock -> stock.receive(booked.countedUnits()), cause);
                    return booked.reserveNow() == 0 ? received : received.chain(() -> inventory.move(item,
                            StockMovement.RESERVATION, stock -> stock.reserve(booked.reserveNow()), cause));
                })
                .chain(() -> stored.persist())
                .chain(() -> inOrder(receiptLines, line -> line.persist()))
                .chain(() -> outbox.publish(po.sessionId, PurchaseOrderReceived.newBuilder()
                        .setSessionId(po.sessionId.toString())
                        .setPurchaseOrderId(po.id.toString())
                        .setPoNumber(po.poNumber)
                        .setBundles(po.bundles)
                        .setLines(counted.stream().map(b -> ReceivedUnits.newBuilder()
                                .setVariantId(b.variantId().toString()).setUnits(b.countedUnits()).build()).toList())
                        .setReceiptId(stored.id.toString())
                        .setOutstandingUnits(receipt.outstandingUnits())
                        .setReceivedBy(receiver.toString())
                        .setReceivedAt(now)
                        .build()))
                .chain(() -> {
                    if (!receipt.demandHeldNow()) {
                        return Uni.createFrom().voidItem();
                    }
                    fulfilment.status = SessionFulfilment.RESERVED;
                    fulfilment.updatedAt = now;
                    return SessionFulfilmentLine.ofSession(po.sessionId)
                            .chain(demand -> outbox.publish(po.sessionId, stockReserved(fulfilment, demand, now)))
                            .replaceWithVoid();
                })
                .invoke(() -> LOG.infof("Purchase order %s: delivery %s counted by %s (%d units, %d still owed)%s",
                        po.poNumber, stored.id, receiver, counted.stream().mapToLong(Receiving.Booked::countedUnits).sum(),
                        receipt.outstandingUnits(), receipt.demandHeldNow() ? "; session " + po.sessionId + " reserved"
                                : ""))
                .replaceWith(po);
    }

    private static InventoryItem locked(Map<UUID, InventoryItem> locked, UUID variantId) {
        InventoryItem item = locked.get(variantId);
        if (item == null) {
            throw new IllegalStateException("No inventory row for variant " + variantId);
        }
        return item;
    }

    /** The session's whole demand is held: reservations are the demand per variant. */
    private static StockReserved stockReserved(SessionFulfilment fulfilment, List<SessionFulfilmentLine> demand, Instant at) {
        return StockReserved.newBuilder()
                .setSessionId(fulfilment.sessionId.toString())
                .setProductId(fulfilment.productId.toString())
                .setReservations(demand.stream().map(l -> ReservedUnits.newBuilder()
                        .setVariantId(l.variantId.toString()).setUnits(l.units).build()).toList())
                .setPurchaseOrderId(fulfilment.purchaseOrderId == null ? null : fulfilment.purchaseOrderId.toString())
                .setFromStockOnHand(fulfilment.fromStockOnHand)
                .setReservedAt(at)
                .build();
    }

    private static PurchaseOrderCreated purchaseOrderCreated(PurchaseOrder po, List<PurchaseOrderLine> lines) {
        return PurchaseOrderCreated.newBuilder()
                .setSessionId(po.sessionId.toString())
                .setPurchaseOrderId(po.id.toString())
                .setPoNumber(po.poNumber)
                .setFactoryId(po.factoryId.toString())
                .setProductId(po.productId.toString())
                .setProductName(po.productName)
                .setBundles(po.bundles)
                .setLines(lines.stream().map(l -> io.laku.contracts.fulfilment.PurchaseOrderLine.newBuilder()
                        .setVariantId(l.variantId.toString())
                        .setVariantName(l.variantName)
                        .setUnitsPerBundle(l.unitsPerBundle)
                        .setMissingUnits(l.missingUnits)
                        .setOrderedUnits(l.orderedUnits)
                        .build()).toList())
                .setCreatedAt(po.createdAt)
                .build();
    }
}
