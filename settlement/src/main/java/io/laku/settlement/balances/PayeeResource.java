package io.laku.settlement.balances;

import io.laku.platform.web.Caller;
import io.laku.platform.web.Problem;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.laku.settlement.ledger.SettlementLedger;
import io.laku.settlement.payouts.Payout;
import io.laku.settlement.payouts.PayoutView;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** A payee's balance, ledger entries and payouts (the payee or an admin), and a factory's bank account. */
@Path("/api/settlements")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payees")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PayeeResource {

    private static final Logger LOG = Logger.getLogger(PayeeResource.class);

    @Inject
    Caller caller;

    @Inject
    SettlementLedger ledger;

    public record BankAccount(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,19}", message = "must be a bank code such as BCA or BNI") String bankCode,
            @NotBlank @Pattern(regexp = "[0-9]{5,20}", message = "must be 5 to 20 digits") String accountNumber,
            @NotBlank @Size(max = 100) String accountHolderName) {
    }

    /** balance = credited - paid out; credited is a seller's sales less fees, or a factory's releases. */
    public record PayeeView(UUID payeeId, String kind, UUID userId, String name, Integer feeBps, BankAccount bankAccount,
            long balance, long credited, long fees, long paidOut, long inFlight, List<SettlementLedger.Entry> entries,
            List<PayoutView> payouts) {
    }

    public record LedgerCheck(long received, long fees, long paidOut, long balancesHeld, boolean balanced, long entries) {
    }

    @GET
    @Path("/payees/{payeeId}")
    @Authenticated
    @WithTransaction
    @Operation(summary = "A payee's balance, its ledger entries and its payouts (the payee itself, or an admin)")
    public Uni<PayeeView> payee(@PathParam("payeeId") String payeeId) {
        UUID id = RequestParams.uuid(payeeId, "payeeId");
        // one snapshot for all its reads: a payout shown completed always shows its balance reduced
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "set transaction isolation level repeatable read, read only").executeUpdate())
                .chain(() -> view(id));
    }

    private Uni<PayeeView> view(UUID id) {
        return Payee.<Payee>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Payee", id))
                .invoke(payee -> caller.requireSelfOrAdmin(payee.userId))
                .chain(payee -> ledger.balance(id, payee.payeeKind()).chain(balance -> ledger.totals(id)
                        .chain(totals -> ledger.entries(id).chain(entries -> Payout.<Payout>list("payeeId",
                                Sort.descending("createdAt").and("id"), id).map(payouts -> new PayeeView(id, payee.kind,
                                payee.userId, payee.name, payee.feeBps, payee.hasBankAccount()
                                        ? new BankAccount(payee.bankCode, payee.accountNumber, payee.accountHolderName) : null,
                                balance, totals.credited(), totals.fees(), totals.paidOut(),
                                payouts.stream().filter(Payout::inFlight).mapToLong(p -> p.amount).sum(), entries,
                                payouts.stream().map(PayoutView::of).toList()))))));
    }

    @PUT
    @Path("/payees/{payeeId}/bank-account")
    @RolesAllowed({Caller.FACTORY, Caller.ADMIN})
    @WithTransaction
    @Operation(summary = "Where a factory's payouts go (the factory itself, or an admin); a seller's is its seller account's")
    @APIResponse(responseCode = "409", description = "The payee is a seller: its bank account is kept by its seller account")
    public Uni<PayeeView> bankAccount(@PathParam("payeeId") String payeeId, @NotNull @Valid BankAccount account) {
        UUID id = RequestParams.uuid(payeeId, "payeeId");
        caller.requireSelfOrAdmin(id);
        Instant now = Instant.now();
        return Payee.<Payee>findById(id, LockModeType.PESSIMISTIC_WRITE).chain(found -> {
            if (found != null && !"factory".equals(found.kind)) {
                throw ProblemException.conflict("bank-account-kept-by-seller", "Payee " + id
                        + " is a seller: its bank account is the one its seller account holds", null, Map.of("kind", found.kind));
            }
            Payee payee = found;
            if (payee == null) {
                payee = new Payee();
                payee.id = id;
                payee.kind = "factory";
                payee.userId = id;
                payee.createdAt = now;
            }
            payee.bankCode = account.bankCode();
            payee.accountNumber = account.accountNumber();
            payee.accountHolderName = account.accountHolderName().strip();
            payee.updatedAt = now;
            LOG.infof("Factory payee %s: payouts go to %s %s", id, payee.bankCode, payee.accountNumber);
            return (found == null ? payee.<Payee>persist() : Uni.createFrom().item(payee));
        }).chain(ignored -> view(id));
    }

    @GET
    @Path("/ledger")
    @RolesAllowed(Caller.ADMIN)
    @WithSession
    @Operation(summary = "Settlement's books (admin): received = fees + paid out + balances held")
    public Uni<LedgerCheck> check() {
        return ledger.totals().map(t -> new LedgerCheck(t.received(), t.fees(), t.paidOut(), t.balancesHeld(), t.balanced(),
                t.entries()));
    }
}
