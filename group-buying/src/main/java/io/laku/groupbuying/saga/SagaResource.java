package io.laku.groupbuying.saga;

import io.laku.groupbuying.join.Participant;
import io.laku.groupbuying.session.Session;
import io.laku.groupbuying.session.SessionView;
import io.laku.platform.money.Rupiah;
import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/group-buying/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Saga")
@SecurityRequirement(name = "jwt")
public class SagaResource {

    @Inject
    Caller caller;

    @Inject
    SagaSteps saga;

    public record SessionTimelineView(UUID sessionId, String status, List<Timeline.Entry> steps) {
    }

    @POST
    @Path("/production-complete")
    @RolesAllowed(Caller.FACTORY)
    @Operation(summary = "The session's factory marks its goods made, whenever the session is confirmed (confirmed, "
            + "pending_stock, moq_reached): recorded once, a repeat answers 200 with the session as it is; payment "
            + "releases the escrow once the orders exist too. 409 session-not-confirmed otherwise")
    public Uni<SessionView> productionComplete(UUID id) {
        return saga.factoryCompletesProduction(id, caller.userId()).map(SessionView::of);
    }

    @GET
    @Path("/timeline")
    @WithSession
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "The saga's steps with time and outcome (the session's factory, its participants, admins)")
    public Uni<SessionTimelineView> timeline(UUID id) {
        return Session.<Session>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", id))
                .call(this::requireReader)
                .chain(session -> SessionTimeline.steps(id).map(recorded -> {
                    List<Timeline.Step> steps = new ArrayList<>(recorded);
                    steps.add(new Timeline.Step("created", session.createdAt, "MOQ " + session.targetMoq + " units at "
                            + Rupiah.format(session.groupPrice) + " per unit until " + session.endTime, 0));
                    return new SessionTimelineView(id, session.status.code(),
                            Timeline.of(steps, session.refundsExpected));
                }));
    }

    private Uni<Void> requireReader(Session session) {
        if (caller.isAdmin() || caller.userId().equals(session.factoryId)) {
            return Uni.createFrom().voidItem();
        }
        return Participant.count("sessionId = ?1 and userId = ?2", session.id, caller.userId()).invoke(seats -> {
            if (seats == 0) {
                throw ProblemException.forbidden("only the session's factory, its participants and admins read its"
                        + " timeline");
            }
        }).replaceWithVoid();
    }
}
