package io.laku.platform.ops;

import io.laku.platform.web.Caller;
import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Ops over the event log in every service (admin only), for {@code ./laku events replay} and
 * {@code ./laku events dlq redrive}: events are applied through the service's own handlers and inbox.
 */
@Path("/api/admin")
@RolesAllowed(Caller.ADMIN)
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Ops")
public class EventOpsResource {

    @Inject
    EventReplay replay;

    @Inject
    DeadLetterRedrive redrive;

    @POST
    @Path("/events/replay")
    @Blocking
    @Operation(summary = "Re-apply exactly one range of a consumed topic through this service's handlers and inbox",
            description = "Read on a throwaway consumer (no group, nothing committed). Already applied events change "
                    + "nothing. With dryRun nothing is applied: applied counts what would be.")
    public EventReplay.Report replay(EventReplay.Request request) {
        return replay.replay(request);
    }

    @POST
    @Path("/dead-letters/redrive")
    @Blocking
    @Operation(summary = "Apply dead letters of this service (by their place on laku.dlq.<service>) through the "
            + "handlers and inbox of their original topic's listener")
    public DeadLetterRedrive.Report redrive(DeadLetterRedrive.Request request) {
        return redrive.redrive(request);
    }
}
