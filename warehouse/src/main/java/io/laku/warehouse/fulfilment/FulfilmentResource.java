package io.laku.warehouse.fulfilment;

import io.laku.platform.web.Caller;
import io.laku.warehouse.support.Access;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** How the warehouse answered a confirmed session (the seed's fulfil-demand answer). */
@Path("/api/warehouse/sessions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Session fulfilment")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.FACTORY, Caller.WAREHOUSE, Caller.ADMIN})
public class FulfilmentResource {

    @Inject
    Caller caller;

    /**
     * @param units    the session's demand of the variant
     * @param reserved units held for the session now
     * @param awaiting units still expected from the purchase order
     */
    public record Reservation(UUID variantId, String variantName, long units, long reserved, long awaiting) {
    }

    public record FulfilmentView(UUID sessionId, UUID productId, UUID factoryId, boolean hasStock,
            long grosirUnitsNeeded, UUID purchaseOrderId, String poNumber, String status,
            List<Reservation> reservations, Instant createdAt, Instant updatedAt) {
    }

    @GET
    @Path("/{sessionId}/fulfilment")
    @WithSession
    @Operation(summary = "The session's fulfilment: from stock on hand or by purchase order (bundles), and what is "
            + "reserved per variant (an admin or the session's factory)")
    public Uni<FulfilmentView> get(@PathParam("sessionId") String sessionId) {
        UUID id = RequestParams.uuid(sessionId, "sessionId");
        return SessionFulfilment.<SessionFulfilment>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session fulfilment", id))
                .invoke(f -> Access.requireStaffOrOwner(caller, f.factoryId))
                .chain(f -> SessionFulfilmentLine.ofSession(id).chain(lines -> (f.purchaseOrderId == null
                        ? Uni.createFrom().<PurchaseOrder>nullItem()
                        : PurchaseOrder.<PurchaseOrder>findById(f.purchaseOrderId))
                        .map(po -> view(f, lines, po))));
    }

    private static FulfilmentView view(SessionFulfilment f, List<SessionFulfilmentLine> lines, PurchaseOrder po) {
        boolean held = SessionFulfilment.RESERVED.equals(f.status);
        List<Reservation> reservations = lines.stream().map(l -> new Reservation(l.variantId, l.variantName, l.units,
                held ? l.units : l.reservedFromStock, held ? 0 : l.units - l.reservedFromStock)).toList();
        return new FulfilmentView(f.sessionId, f.productId, f.factoryId, f.fromStockOnHand,
                po == null ? 0 : po.bundles, f.purchaseOrderId, po == null ? null : po.poNumber, f.status,
                reservations, f.createdAt, f.updatedAt);
    }
}
