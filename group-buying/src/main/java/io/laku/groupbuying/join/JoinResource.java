package io.laku.groupbuying.join;

import io.laku.platform.web.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/group-buying/{sessionId}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Joining and availability")
@SecurityRequirement(name = "jwt")
public class JoinResource {

    @Inject
    JoinService joins;

    @Inject
    AvailabilityService availability;

    @Inject
    Caller caller;

    @Inject
    PaymentLinks links;

    @ConfigProperty(name = "laku.join.payment-url-wait", defaultValue = "PT2S")
    Duration paymentUrlWait;

    @ConfigProperty(name = "laku.join.payment-url-wait-max", defaultValue = "PT10S")
    Duration paymentUrlWaitMax;

    @POST
    @Path("/join")
    @RolesAllowed(Caller.CUSTOMER)
    @Operation(summary = "Take a seat (the caller is the participant); 409 when the variant has fewer units available. "
            + "The answer carries paymentUrl when the invoice exists within a short wait (laku.join.payment-url-wait, "
            + "2 s; Prefer: wait=N sets it, wait=0 answers at once), else the seat's participantUrl shows it later")
    public Uni<Response> join(@PathParam("sessionId") UUID sessionId, JoinRequest request,
            @HeaderParam("Prefer") String prefer) {
        UUID user = caller.userId();
        LinkWait wait = LinkWait.of(paymentUrlWait, paymentUrlWaitMax, prefer);
        return joins.join(sessionId, request, user)
                .call(p -> wait.none() ? Uni.createFrom().voidItem()
                        : links.await(p.id, wait.duration()).invoke(url -> p.paymentUrl = url))
                .map(p -> {
                    ParticipantView view = ParticipantView.of(p);
                    return Response.created(URI.create(view.participantUrl())).entity(view).build();
                });
    }

    @GET
    @Path("/participants")
    @RolesAllowed({Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "The session's seats")
    public Uni<List<ParticipantView>> participants(@PathParam("sessionId") UUID sessionId) {
        return joins.list(sessionId, caller).map(ps -> ps.stream().map(ParticipantView::of).toList());
    }

    @GET
    @Path("/participants/{participantId}")
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "A seat, with its paymentUrl once the payment service has created the invoice")
    public Uni<ParticipantView> participant(@PathParam("sessionId") UUID sessionId,
            @PathParam("participantId") UUID participantId) {
        return joins.get(sessionId, participantId, caller).map(ParticipantView::of);
    }

    @POST
    @Path("/participants/{participantId}/leave")
    @RolesAllowed({Caller.CUSTOMER, Caller.ADMIN})
    @Operation(summary = "Leave a forming session (the participant, or an admin); a paid seat is refunded in full")
    public Uni<ParticipantView> leave(@PathParam("sessionId") UUID sessionId,
            @PathParam("participantId") UUID participantId) {
        return joins.leave(sessionId, participantId, caller).map(ParticipantView::of);
    }

    @GET
    @Path("/variant-availability")
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "Availability of every variant of the session (the product page's matrix)")
    public Uni<List<AvailabilityView>> availability(@PathParam("sessionId") UUID sessionId) {
        return availability.all(sessionId);
    }

    @GET
    @Path("/variant-availability/{variantId}")
    @RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
    @Operation(summary = "Availability of one variant (SPEC §3)")
    public Uni<AvailabilityView> availability(@PathParam("sessionId") UUID sessionId,
            @PathParam("variantId") UUID variantId) {
        return availability.one(sessionId, variantId);
    }
}
