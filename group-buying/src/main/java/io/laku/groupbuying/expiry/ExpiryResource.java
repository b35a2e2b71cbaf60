package io.laku.groupbuying.expiry;

import io.laku.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/group-buying")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Expiry")
@SecurityRequirement(name = "jwt")
public class ExpiryResource {

    @Inject
    ExpiryService expiry;

    @POST
    @Path("/process-expired")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "End every due forming session now (idempotent: a second run finds nothing)")
    public Uni<Map<String, Object>> processExpired() {
        return expiry.processDue().map(done -> Map.of("processed", done.size(), "sessions", (Object) done));
    }

    @POST
    @Path("/{id}/manual-expire")
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Set a forming session's end to now and end it (for testing)")
    public Uni<ExpiryService.Expired> manualExpire(UUID id) {
        return expiry.manualExpire(id);
    }
}
