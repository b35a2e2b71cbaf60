package io.laku.payment.direct;

import io.laku.payment.ledger.Ledger;
import io.laku.platform.web.Caller;
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

/** A store order's direct payment and its ledger: the order's customer or an admin. */
@Path("/api/payments/orders/{orderId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Direct payments")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.CUSTOMER, Caller.ADMIN})
public class DirectPaymentResource {

    @Inject
    Caller caller;

    @Inject
    Ledger ledger;

    public record PaymentView(UUID id, UUID orderId, UUID customerId, UUID sellerId, long amount, String status,
            String invoiceId, String invoiceUrl, Instant expiresAt, Instant paidAt, long refunded, long settled) {
    }

    /** paid in = refunded + settled to the seller + held (what the order's account still holds). */
    public record OrderLedger(long paidIn, long refunded, long settled, long held, boolean balanced,
            List<Ledger.Entry> entries) {
    }

    public record OrderPayment(PaymentView payment, OrderLedger ledger) {
    }

    @GET
    @WithSession
    @Operation(summary = "A store order's direct payment and its ledger (paid in = refunded + settled + held)")
    public Uni<OrderPayment> get(@PathParam("orderId") String orderId) {
        UUID id = RequestParams.uuid(orderId, "orderId");
        return DirectPayment.<DirectPayment>find("orderId", id).firstResult()
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Payment of order", id))
                .invoke(p -> caller.requireSelfOrAdmin(p.customerId))
                .chain(p -> ledger.orderBalance(id).chain(balance -> ledger.orderEntries(id).map(entries -> new OrderPayment(
                        new PaymentView(p.id, p.orderId, p.customerId, p.sellerId, p.amount, p.status, p.invoiceId,
                                p.invoiceUrl, p.expiresAt, p.paidAt, p.refunded, p.settled),
                        new OrderLedger(balance.paidIn(), balance.refunded(), balance.settled(), balance.held(),
                                balance.balanced(), entries)))));
    }
}
