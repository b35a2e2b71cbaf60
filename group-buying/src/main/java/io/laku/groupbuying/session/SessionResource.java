package io.laku.groupbuying.session;

import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/group-buying")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sessions")
@SecurityRequirement(name = "jwt")
public class SessionResource {

    static final int MAX_REASON = 500;

    @Inject
    SessionService sessions;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "Open a group-buying session (factory for itself, or admin for a factory)")
    public Uni<Response> create(NewSession request) {
        if (request == null) {
            throw ProblemException.invalid(null, "A JSON body is required");
        }
        return sessions.open(request, factoryOf(request))
                .map(session -> Response.created(URI.create("/api/group-buying/" + session.id))
                        .entity(SessionView.of(session)).build());
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "A session")
    public Uni<SessionView> get(UUID id) {
        return sessions.details(id);
    }

    @GET
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "Sessions, newest first, filtered by status, product and factory; paged")
    public Uni<Map<String, Object>> list(@QueryParam("status") String status, @QueryParam("productId") UUID productId,
            @QueryParam("factoryId") UUID factoryId, @QueryParam("page") @DefaultValue("0") int page,
            @QueryParam("size") @DefaultValue("20") int size) {
        return sessions.list(status, productId, factoryId, page, size);
    }

    @POST
    @Path("/{id}/cancel")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Cancel a forming session (admin): paid seats are refunded in full")
    public Uni<SessionView> cancel(UUID id, Map<String, String> body) {
        String reason = body == null ? null : body.get("reason");
        if (reason != null && reason.length() > MAX_REASON) {
            throw ProblemException.invalid("reason", "reason must be at most " + MAX_REASON + " characters");
        }
        return sessions.cancel(id, caller.userId(), reason).map(SessionView::of);
    }

    private UUID factoryOf(NewSession request) {
        if (caller.isAdmin()) {
            return request.factoryId();
        }
        UUID self = caller.userId();
        if (request.factoryId() != null && !request.factoryId().equals(self)) {
            throw ProblemException.forbidden("A factory opens sessions only for itself");
        }
        return self;
    }
}
