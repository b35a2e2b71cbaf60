package io.laku.warehouse.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.platform.web.Caller;
import io.laku.warehouse.support.Access;
import io.laku.platform.web.ProblemException;
import io.laku.warehouse.support.PageView;
import io.laku.platform.web.RequestParams;
import io.laku.platform.web.RequestParams.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Purchase orders to factories: a factory reads its own; warehouse staff and admins read all of them and count the
 * deliveries against them.
 */
@Path("/api/warehouse/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchase orders")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.FACTORY, Caller.WAREHOUSE, Caller.ADMIN})
public class PurchaseOrderResource {

    private static final Set<String> STATUSES = Set.of(PurchaseOrder.OPEN, PurchaseOrder.PARTIALLY_RECEIVED,
            PurchaseOrder.RECEIVED);

    @Inject
    Caller caller;

    @Inject
    Fulfilment fulfilment;

    @GET
    @WithSession
    @Operation(summary = "Purchase orders, newest first, filtered by status (open|received), sessionId and factoryId; "
            + "a factory sees its own only")
    public Uni<PageView<PurchaseOrderView>> list(@QueryParam("status") String status,
            @QueryParam("sessionId") String sessionId, @QueryParam("factoryId") String factoryId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        Map<String, Object> filter = new LinkedHashMap<>();
        if (status != null && !status.isBlank()) {
            if (!STATUSES.contains(status)) {
                throw ProblemException.invalid("status", "status must be one of open, partially_received, received");
            }
            filter.put("status", status);
        }
        UUID session = RequestParams.optionalUuid(sessionId, "sessionId");
        if (session != null) {
            filter.put("sessionId", session);
        }
        UUID factory = RequestParams.optionalUuid(factoryId, "factoryId");
        if (!Access.staff(caller)) {
            if (factory != null) {
                Access.requireStaffOrOwner(caller, factory);
            }
            factory = caller.userId();
        }
        if (factory != null) {
            filter.put("factoryId", factory);
        }
        PageRequest paging = RequestParams.page(page, size);
        Sort newestFirst = Sort.descending("createdAt").and("id");
        String where = filter.keySet().stream().map(k -> k + " = :" + k).collect(Collectors.joining(" and "));
        var query = where.isEmpty() ? PurchaseOrder.<PurchaseOrder>findAll(newestFirst)
                : PurchaseOrder.<PurchaseOrder>find(where, newestFirst, filter);
        query.page(paging.panache());
        return query.list().chain(orders -> query.count().chain(total -> linesOf(orders).map(lines -> new PageView<>(
                orders.stream().map(po -> PurchaseOrderView.of(po, lines.getOrDefault(po.id, List.of()))).toList(),
                paging.page(), paging.size(), total))));
    }

    @GET
    @Path("/{id}")
    @WithSession
    @Operation(summary = "A purchase order with its lines (the owning factory or an admin)")
    public Uni<PurchaseOrderView> get(@PathParam("id") String id) {
        UUID poId = RequestParams.uuid(id, "id");
        return PurchaseOrder.<PurchaseOrder>findById(poId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Purchase order", poId))
                .invoke(po -> Access.requireStaffOrOwner(caller, po.factoryId))
                .chain(po -> PurchaseOrderLine.ofOrder(po.id).map(lines -> PurchaseOrderView.of(po, lines)));
    }

    /** A delivery as counted: who counted it, and per variant what came, what it reserved, what is still owed. */
    public record ReceiptView(UUID id, UUID purchaseOrderId, UUID receivedBy, Instant receivedAt, long outstandingUnits,
            String note, List<ReceiptLineView> lines) {
    }

    public record ReceiptLineView(UUID variantId, long countedUnits, long reservedUnits, long outstandingUnits,
            long overUnits) {
    }

    @GET
    @Path("/{id}/receipts")
    @WithSession
    @Operation(summary = "The deliveries counted against a purchase order, oldest first (the owning factory, warehouse "
            + "staff, admins)")
    public Uni<List<ReceiptView>> receipts(@PathParam("id") String id) {
        UUID poId = RequestParams.uuid(id, "id");
        return PurchaseOrder.<PurchaseOrder>findById(poId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Purchase order", poId))
                .invoke(po -> Access.requireStaffOrOwner(caller, po.factoryId))
                .chain(po -> PurchaseOrderReceipt.ofOrder(po.id))
                .chain(receipts -> PurchaseOrderReceiptLine.ofReceipts(receipts.stream().map(r -> r.id).toList())
                        .map(lines -> {
                            Map<UUID, List<PurchaseOrderReceiptLine>> byReceipt = lines.stream()
                                    .collect(Collectors.groupingBy(l -> l.receiptId));
                            return receipts.stream().map(r -> new ReceiptView(r.id, r.purchaseOrderId, r.receivedBy,
                                    r.receivedAt, r.outstandingUnits, r.note, byReceipt.getOrDefault(r.id, List.of())
                                            .stream().map(l -> new ReceiptLineView(l.variantId, l.countedUnits,
                                                    l.reservedUnits, l.outstandingUnits, l.overUnits)).toList()))
                                    .toList();
                        }));
    }

    @POST
    @Path("/{id}/receive")
    @RolesAllowed({Caller.WAREHOUSE, Caller.ADMIN})
    @WithTransaction
    @Operation(summary = "Warehouse staff count a delivery against the purchase order: {lines: [{variantId, units}], "
            + "note?}. The units go on hand, the session's missing units are reserved, a shortfall stays open on the "
            + "order (receive it later); 409 when every ordered unit was received already. A factory cannot (403)")
    public Uni<PurchaseOrderView> receive(@PathParam("id") String id, JsonNode body) {
        UUID poId = RequestParams.uuid(id, "id");
        Fulfilment.Delivery delivery = delivery(body);
        UUID receiver = caller.userId();
        return fulfilment.receive(poId, delivery, receiver)
                .onFailure(Receiving.Refused.class).transform(failure -> {
                    Receiving.Refused refused = (Receiving.Refused) failure;
                    return "invalid".equals(refused.type()) ? ProblemException.invalid(refused.field(), refused.getMessage())
                            : ProblemException.conflict(refused.type(), refused.getMessage(), refused.field(), Map.of());
                })
                .chain(po -> PurchaseOrderLine.ofOrder(po.id).map(lines -> PurchaseOrderView.of(po, lines)));
    }

    /** {"lines": [{"variantId": uuid, "units": whole number >= 0}, ...], "note": text?}: each variant at most once. */
    static Fulfilment.Delivery delivery(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw ProblemException.invalid(null, "A JSON object {\"lines\": [{\"variantId\": ..., \"units\": ...}]} "
                    + "with the units counted per variant is required");
        }
        JsonNode lines = body.get("lines");
        if (lines == null || !lines.isArray() || lines.isEmpty()) {
            throw ProblemException.invalid("lines", "lines must list the units counted per variant");
        }
        Map<UUID, Long> counted = new LinkedHashMap<>();
        for (int i = 0; i < lines.size(); i++) {
            JsonNode line = lines.get(i);
            String field = "lines[" + i + "]";
            if (line == null || !line.isObject()) {
                throw ProblemException.invalid(field, field + " must be an object {variantId, units}");
            }
            JsonNode variant = line.get("variantId");
            UUID variantId = RequestParams.uuid(variant == null || !variant.isTextual() ? null : variant.asText(),
                    field + ".variantId");
            JsonNode units = line.get("units");
            if (units == null || !units.isIntegralNumber() || !units.canConvertToLong() || units.asLong() < 0) {
                throw ProblemException.invalid(field + ".units", field + ".units must be a whole number of units >= 0");
            }
            if (counted.put(variantId, units.asLong()) != null) {
                throw ProblemException.invalid(field + ".variantId", "variant " + variantId + " is counted twice");
            }
        }
        JsonNode note = body.get("note");
        if (note != null && !note.isNull() && (!note.isTextual() || note.asText().length() > 1000)) {
            throw ProblemException.invalid("note", "note must be text of at most 1000 characters");
        }
        return new Fulfilment.Delivery(counted, note == null || note.isNull() || note.asText().isBlank() ? null
                : note.asText().strip());
    }

    private static Uni<Map<UUID, List<PurchaseOrderLine>>> linesOf(List<PurchaseOrder> orders) {
        if (orders.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return PurchaseOrderLine.<PurchaseOrderLine>list("purchaseOrderId in ?1 order by position",
                        orders.stream().map(po -> po.id).toList())
                .map(lines -> lines.stream().collect(Collectors.groupingBy(l -> l.purchaseOrderId)));
    }
}
