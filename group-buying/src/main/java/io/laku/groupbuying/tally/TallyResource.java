package io.laku.groupbuying.tally;

import io.laku.groupbuying.session.Session;
import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/group-buying/{sessionId}/tally")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Tally")
@SecurityRequirement(name = "jwt")
public class TallyResource {

    @Inject
    TallyRebuild rebuild;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "The live tally: units per variant awaiting payment and paid (the session's factory, admins)")
    @WithSession
    public Uni<Map<UUID, Tally.Units>> live(@PathParam("sessionId") UUID sessionId) {
        return Session.<Session>findById(sessionId)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .invoke(session -> {
                    if (!caller.isAdmin() && !session.factoryId.equals(caller.userId())) {
                        throw ProblemException.forbidden("The tally of session " + sessionId + " is its factory's");
                    }
                })
                .chain(() -> Tally.of(sessionId));
    }

    @GET
    @Path("/rebuild")
    @RolesAllowed(Caller.ADMIN)
    @Blocking
    @Operation(summary = "The tally rebuilt from the topics alone (laku.session + laku.payment from the beginning); writes nothing")
    public Map<UUID, Tally.Units> rebuilt(@PathParam("sessionId") UUID sessionId) {
        return rebuild.rebuild(sessionId);
    }
}
