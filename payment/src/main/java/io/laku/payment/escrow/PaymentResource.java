package io.laku.payment.escrow;

import io.laku.platform.web.Caller;
import io.laku.platform.web.RequestParams;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/payments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Payments")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
public class PaymentResource {

    @Inject
    Caller caller;

    /**
     * A seat's escrow payment. {@code gatewayAttempts}, {@code lastGatewayError} and {@code nextAttemptAt} are the
     * invoice worker's (opening the invoice, or expiring it once the seat ended); {@code seatEndedAt} is when the seat
     * ended while its payment was open (money reaching it after that is a late payment, refunded in full).
     */
    public record PaymentView(UUID id, UUID sessionId, UUID participantId, UUID userId, long amount, String status,
            String invoiceId, String invoiceUrl, Instant expiresAt, Instant paidAt, long refunded, String seatOutcome,
            Instant seatEndedAt, int gatewayAttempts, String lastGatewayError, Instant nextAttemptAt) {
        static PaymentView of(Payment p) {
            return new PaymentView(p.id, p.sessionId, p.participantId, p.userId, p.amount, p.status, p.invoiceId,
                    p.invoiceUrl, p.expiresAt, p.paidAt, p.refunded, p.seatOutcome, p.seatEndedAt, p.gatewayAttempts,
                    p.lastGatewayError, p.nextAttemptAt);
        }
    }

    @GET
    @WithSession
    @Operation(summary = "A session's escrow payments: all of them for an admin, the caller's own otherwise")
    public Uni<List<PaymentView>> bySession(@QueryParam("sessionId") String sessionId) {
        UUID id = RequestParams.uuid(sessionId, "sessionId");
        var query = caller.isAdmin()
                ? Payment.<Payment>find("sessionId = ?1 order by createdAt, id", id)
                : Payment.<Payment>find("sessionId = ?1 and userId = ?2 order by createdAt, id", id, caller.userId());
        return query.list().map(list -> list.stream().map(PaymentView::of).toList());
    }
}
