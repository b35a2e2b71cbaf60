package io.laku.warehouse.inventory;

import io.laku.platform.stock.Stock;
import io.laku.platform.stock.StockRefusedException;

import com.fasterxml.jackson.databind.JsonNode;
import io.laku.platform.web.Caller;
import io.laku.warehouse.support.Access;
import io.laku.platform.web.ProblemException;
import io.laku.warehouse.catalogue.Product;
import io.laku.warehouse.support.PageView;
import io.laku.platform.web.RequestParams;
import io.laku.platform.web.RequestParams.PageRequest;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Stock per variant and its audit trail: admins see and adjust all of it, a factory reads its own products'. */
@Path("/api/warehouse/inventory")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Inventory")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.FACTORY, Caller.WAREHOUSE, Caller.ADMIN})
public class InventoryResource {

    static final int MAX_REASON_LENGTH = 500;
    private static final Sort STOCK_ORDER = Sort.by("productName").and("productId").and("position").and("variantId");

    @Inject
    Caller caller;

    @Inject
    Inventory inventory;

    public record InventoryView(UUID variantId, String variantName, Integer unitsPerBundle, UUID productId,
            String productName, UUID factoryId, long onHand, long reserved, long available, Instant updatedAt) {
        static InventoryView of(StockLevel s) {
            return new InventoryView(s.variantId, s.variantName, s.unitsPerBundle, s.productId, s.productName,
                    s.factoryId, s.onHand, s.reserved, s.available, s.updatedAt);
        }
    }

    public record MovementView(UUID id, UUID variantId, String kind, long onHandDelta, long reservedDelta,
            long onHandAfter, long reservedAfter, String reason, UUID sessionId, UUID purchaseOrderId, String actor,
            UUID sourceEventId, Instant at) {
        static MovementView of(StockMovement m) {
            return new MovementView(m.id, m.variantId, m.kind, m.onHandDelta, m.reservedDelta, m.onHandAfter,
                    m.reservedAfter, m.reason, m.sessionId, m.purchaseOrderId, m.actor, m.sourceEventId, m.at);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "Stock per variant (on hand, reserved, available), by product; a factory sees its own products only")
    public Uni<PageView<InventoryView>> list(@QueryParam("productId") String productId, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        UUID product = RequestParams.optionalUuid(productId, "productId");
        PageRequest paging = RequestParams.page(page, size);
        Uni<Map<String, Object>> filter;
        if (product != null) {
            filter = Product.<Product>findById(product)
                    .onItem().ifNull().failWith(() -> ProblemException.notFound("Product", product))
                    .map(p -> {
                        Access.requireStaffOrOwner(caller, p.factoryId);
                        return Map.<String, Object>of("productId", product);
                    });
        } else {
            filter = Uni.createFrom().item(Access.staff(caller) ? Map.<String, Object>of()
                    : Map.<String, Object>of("factoryId", caller.userId()));
        }
        return filter.chain(params -> {
            String where = String.join(" and ", params.keySet().stream().map(k -> k + " = :" + k).toList());
            var query = where.isEmpty() ? StockLevel.<StockLevel>findAll(STOCK_ORDER)
                    : StockLevel.<StockLevel>find(where, STOCK_ORDER, params);
            query.page(paging.panache());
            return query.list().chain(items -> query.count().map(total -> new PageView<>(
                    items.stream().map(InventoryView::of).toList(), paging.page(), paging.size(), total)));
        });
    }

    @GET
    @Path("/{variantId}")
    @WithSession
    @Operation(summary = "One variant's stock: on hand, reserved, available")
    public Uni<InventoryView> get(@PathParam("variantId") String variantId) {
        return readable(RequestParams.uuid(variantId, "variantId")).map(InventoryView::of);
    }

    @GET
    @Path("/{variantId}/movements")
    @WithSession
    @Operation(summary = "One variant's stock movements (adjustments, reservations, purchase order receipts), newest first")
    public Uni<PageView<MovementView>> movements(@PathParam("variantId") String variantId,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID id = RequestParams.uuid(variantId, "variantId");
        PageRequest paging = RequestParams.page(page, size);
        return readable(id).chain(level -> {
            var query = StockMovement.<StockMovement>find("variantId", Sort.descending("seq"), id).page(paging.panache());
            return query.list().chain(items -> query.count().map(total -> new PageView<>(
                    items.stream().map(MovementView::of).toList(), paging.page(), paging.size(), total)));
        });
    }

    @POST
    @Path("/{variantId}/adjustments")
    @RolesAllowed({Caller.WAREHOUSE, Caller.ADMIN})
    @WithTransaction
    @Operation(summary = "Correct a variant's stock on hand by hand ({delta: units, non-zero; reason}; warehouse staff or "
            + "an admin); reserved units cannot be removed")
    public Uni<Response> adjust(@PathParam("variantId") String variantId, JsonNode body) {
        UUID id = RequestParams.uuid(variantId, "variantId");
        Adjustment adjustment = Adjustment.read(body);
        UUID admin = caller.userId();
        return inventory.lock(List.of(id))
                .map(locked -> {
                    InventoryItem item = locked.get(id);
                    if (item == null) {
                        throw ProblemException.notFound("Variant", id);
                    }
                    return item;
                })
                .chain(item -> inventory.move(item, StockMovement.ADJUSTMENT, stock -> refusedAsProblem(stock, adjustment.delta()),
                        new Inventory.Cause(adjustment.reason(), null, null, admin.toString(), null)))
                .chain(movement -> Panache.flush().chain(() -> StockLevel.<StockLevel>findById(id)))
                .map(level -> Response.created(URI.create("/api/warehouse/inventory/" + id + "/movements"))
                        .entity(InventoryView.of(level)).build());
    }

    private static Stock refusedAsProblem(Stock stock, long delta) {
        try {
            return stock.adjust(delta);
        } catch (StockRefusedException refused) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("onHand", stock.onHand());
            facts.put("reserved", stock.reserved());
            facts.put("available", stock.available());
            facts.put("delta", delta);
            throw ProblemException.conflict(refused.reason() == StockRefusedException.Reason.BELOW_RESERVED
                    ? "stock-below-reserved" : "stock-out-of-range", refused.getMessage(), "delta", facts);
        }
    }

    private Uni<StockLevel> readable(UUID variantId) {
        return StockLevel.<StockLevel>findById(variantId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Variant", variantId))
                .invoke(level -> Access.requireStaffOrOwner(caller, level.factoryId));
    }

    /** The body of an adjustment, checked completely before anything is read or written. */
    record Adjustment(long delta, String reason) {

        static Adjustment read(JsonNode body) {
            if (body == null || !body.isObject()) {
                throw ProblemException.invalid(null, "A JSON object {\"delta\": units, \"reason\": text} is required");
            }
            JsonNode delta = body.get("delta");
            if (delta == null || delta.isNull()) {
                throw ProblemException.invalid("delta", "delta is required");
            }
            if (!delta.isIntegralNumber() || !delta.canConvertToLong()) {
                throw ProblemException.invalid("delta", "delta must be a whole number of units");
            }
            if (delta.asLong() == 0) {
                throw ProblemException.invalid("delta", "delta must not be 0");
            }
            JsonNode reason = body.get("reason");
            if (reason == null || !reason.isTextual() || reason.asText().isBlank()) {
                throw ProblemException.invalid("reason", "reason is required: say why the stock changes");
            }
            if (reason.asText().length() > MAX_REASON_LENGTH) {
                throw ProblemException.invalid("reason", "reason must be at most " + MAX_REASON_LENGTH + " characters");
            }
            return new Adjustment(delta.asLong(), reason.asText().strip());
        }
    }
}
