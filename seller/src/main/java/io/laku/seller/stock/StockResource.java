package io.laku.seller.stock;

import io.laku.platform.stock.Stock;
import io.laku.platform.stock.StockRefusedException;

import io.laku.platform.web.Caller;
import io.laku.platform.web.Problem;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.laku.platform.web.RequestParams.PageRequest;
import io.laku.seller.accounts.SellerAccess;
import io.laku.seller.catalogue.ProductView;
import io.laku.seller.catalogue.SellerVariant;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** A seller's stock (SPEC §8): it changes only through movements, and the movements are the audit trail. */
@Path("/api/sellers/{sellerId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Seller stock")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class StockResource {

    private static final Logger LOG = Logger.getLogger(StockResource.class);

    @Inject
    Caller caller;

    @Inject
    SellerAccess access;

    @Inject
    StockBook book;

    public record Adjustment(@NotNull Long delta, @NotBlank @Size(max = 500) String reason) {
    }

    public record MovementView(UUID id, UUID variantId, String kind, long stockDelta, long reservedDelta,
            long stockAfter, long reservedAfter, UUID orderId, String reason, String actor, UUID sourceEventId, Instant at) {
        static MovementView of(StockMovement m) {
            return new MovementView(m.id, m.variantId, m.kind, m.stockDelta, m.reservedDelta, m.stockAfter,
                    m.reservedAfter, m.orderId, m.reason, m.actor, m.sourceEventId, m.at);
        }
    }

    public record MovementPage(List<MovementView> items, int page, int size, long total) {
    }

    @POST
    @Path("/variants/{variantId}/stock-adjustments")
    @RolesAllowed(Caller.SELLER)
    @WithTransaction
    @Operation(summary = "Correct a variant's stock ({delta: non-zero units, reason}); units held for orders cannot be removed")
    @APIResponse(responseCode = "201", description = "The variant's stock after the movement")
    @APIResponse(responseCode = "409", description = "stock-below-reserved: the stock would drop below what orders hold")
    public Uni<Response> adjust(@PathParam("sellerId") String sellerId, @PathParam("variantId") String variantId,
            @NotNull @Valid Adjustment adjustment) {
        UUID seller = RequestParams.uuid(sellerId, "sellerId");
        UUID variant = RequestParams.uuid(variantId, "variantId");
        if (adjustment.delta() == 0) {
            throw ProblemException.invalid("delta", "delta must not be 0");
        }
        String actor = caller.userId().toString();
        return access.own(seller, false)
                .chain(owner -> book.lock(List.of(variant)))
                .map(locked -> {
                    SellerVariant v = locked.get(variant);
                    if (v == null || !v.sellerId.equals(seller)) {
                        throw ProblemException.notFound("Variant", variant);
                    }
                    return v;
                })
                .chain(v -> book.move(v, StockMovement.ADJUSTMENT, stock -> refusedAsProblem(stock, adjustment.delta()),
                                new StockBook.Cause(adjustment.reason().strip(), null, actor, null))
                        .invoke(m -> LOG.infof("Seller %s adjusted variant %s by %d (%s): stock %d, reserved %d", seller,
                                variant, adjustment.delta(), adjustment.reason().strip(), m.stockAfter, m.reservedAfter))
                        .map(m -> Response.created(URI.create("/api/sellers/" + seller + "/stock-movements"))
                                .entity(ProductView.VariantView.of(v)).build()));
    }

    @GET
    @Path("/stock-movements")
    @RolesAllowed({Caller.SELLER, Caller.ADMIN})
    @WithSession
    @Operation(summary = "The audit trail, newest first: every adjustment, reservation, release and deduction, with its order")
    public Uni<MovementPage> movements(@PathParam("sellerId") String sellerId, @QueryParam("variantId") String variantId,
            @QueryParam("orderId") String orderId, @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID seller = RequestParams.uuid(sellerId, "sellerId");
        UUID variant = RequestParams.optionalUuid(variantId, "variantId");
        UUID order = RequestParams.optionalUuid(orderId, "orderId");
        PageRequest paging = RequestParams.page(page, size);
        return access.ownOrAdmin(seller).chain(owner -> {
            Map<String, Object> params = new LinkedHashMap<>();
            params.put("sellerId", seller);
            if (variant != null) {
                params.put("variantId", variant);
            }
            if (order != null) {
                params.put("orderId", order);
            }
            String where = String.join(" and ", params.keySet().stream().map(k -> k + " = :" + k).toList());
            var query = StockMovement.<StockMovement>find(where, Sort.descending("seq"), params).page(paging.panache());
            return query.list().chain(items -> query.count().map(total -> new MovementPage(
                    items.stream().map(MovementView::of).toList(), paging.page(), paging.size(), total)));
        });
    }

    private static Stock refusedAsProblem(Stock stock, long delta) {
        try {
            return stock.adjust(delta);
        } catch (StockRefusedException refused) {
            Map<String, Object> facts = new LinkedHashMap<>();
            facts.put("stock", stock.onHand());
            facts.put("reserved", stock.reserved());
            facts.put("available", stock.available());
            facts.put("delta", delta);
            throw ProblemException.conflict(refused.reason() == StockRefusedException.Reason.BELOW_RESERVED
                    ? "stock-below-reserved" : "stock-out-of-range", refused.getMessage(), "delta", facts);
        }
    }
}
