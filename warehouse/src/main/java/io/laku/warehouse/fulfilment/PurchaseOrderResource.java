package io.laku.warehouse.fulfilment;

import io.laku.platform.web.Caller;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Purchase orders to factories: a factory sees and receives its own, an admin all of them. */
@Path("/api/warehouse/purchase-orders")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Purchase orders")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.FACTORY, Caller.ADMIN})
public class PurchaseOrderResource {

    private static final Set<String> STATUSES = Set.of(PurchaseOrder.OPEN, PurchaseOrder.RECEIVED);

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
                throw ProblemException.invalid("status", "status must be one of open, received");
            }
            filter.put("status", status);
        }
        UUID session = RequestParams.optionalUuid(sessionId, "sessionId");
        if (session != null) {
            filter.put("sessionId", session);
        }
        UUID factory = RequestParams.optionalUuid(factoryId, "factoryId");
        if (!caller.isAdmin()) {
            if (factory != null) {
                caller.requireSelfOrAdmin(factory);
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
                .invoke(po -> caller.requireSelfOrAdmin(po.factoryId))
                .chain(po -> PurchaseOrderLine.ofOrder(po.id).map(lines -> PurchaseOrderView.of(po, lines)));
    }

    @POST
    @Path("/{id}/receive")
    @WithTransaction
    @Operation(summary = "The factory delivered (the owning factory or an admin): ordered units go on hand, the session's "
            + "missing units are reserved, the excess stays available; 409 when already received")
    public Uni<PurchaseOrderView> receive(@PathParam("id") String id) {
        UUID poId = RequestParams.uuid(id, "id");
        return fulfilment.receive(poId, caller)
                .chain(po -> PurchaseOrderLine.ofOrder(po.id).map(lines -> PurchaseOrderView.of(po, lines)));
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
