package io.laku.payment.ledger;

import io.laku.payment.escrow.SessionAccount;
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
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/payments/ledger")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Ledger")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
public class LedgerResource {

    @Inject
    Ledger ledger;

    /**
     * A session's ledger and its checks: paid in = refunded + released + escrow balance ({@code balanced}), and
     * {@code violations} of {@link EscrowAudit} (money to the wrong party; empty when right).
     */
    public record SessionLedger(UUID sessionId, long paidIn, long refunded, long released, long escrowBalance,
            boolean balanced, boolean outcomeComplete, List<String> violations, List<Ledger.Entry> entries) {
    }

    @GET
    @WithSession
    @Operation(summary = "A session's ledger entries and balance check (admin)")
    public Uni<SessionLedger> session(@QueryParam("sessionId") String sessionId) {
        UUID id = RequestParams.uuid(sessionId, "sessionId");
        return SessionAccount.<SessionAccount>findById(id).chain(account -> ledger.balance(id)
                .chain(balance -> (account == null ? Uni.createFrom().item(List.<String>of())
                        : ledger.audit(id, account.factoryId, account.outcomeComplete()))
                        .chain(violations -> ledger.entries(id).map(entries -> new SessionLedger(id, balance.paidIn(),
                                balance.refunded(), balance.released(), balance.escrowBalance(), balance.balanced(),
                                account != null && account.outcomeComplete(), violations, entries)))));
    }
}
