package io.laku.wallet.account;

import io.laku.platform.web.Caller;
import io.laku.platform.web.Paging;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/wallet/{userId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Wallet")
@SecurityRequirement(name = "jwt")
@RolesAllowed({Caller.CUSTOMER, Caller.FACTORY, Caller.ADMIN})
public class WalletResource {

    public static final int MAX_PAGE_SIZE = Paging.DEFAULT_MAX_SIZE;
    static final int MAX_TEXT = 200;

    @Inject
    Caller caller;

    @Inject
    Wallets wallets;

    public record Balance(UUID userId, long balance) {
    }

    public record TransactionPage(List<Wallets.Transaction> items, int page, int size, long total) {
    }

    public record DebitRequest(Long amount, String reference, String reason) {
    }

    @GET
    @WithSession
    @Operation(summary = "A wallet's balance (that user or an admin); 0 before the first credit")
    public Uni<Balance> balance(@PathParam("userId") UUID userId) {
        caller.requireSelfOrAdmin(userId);
        return wallets.balance(userId).map(balance -> new Balance(userId, balance));
    }

    @GET
    @Path("/transactions")
    @WithSession
    @Operation(summary = "A wallet's movements, newest first (that user or an admin)")
    public Uni<TransactionPage> transactions(@PathParam("userId") UUID userId,
            @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("20") int size) {
        caller.requireSelfOrAdmin(userId);
        Paging.require(page, size, MAX_PAGE_SIZE);
        return wallets.history(userId, page, size)
                .chain(items -> wallets.count(userId).map(total -> new TransactionPage(items, page, size, total)));
    }

    @POST
    @Path("/debit")
    @Consumes(MediaType.APPLICATION_JSON)
    @WithTransaction
    @RolesAllowed(Caller.ADMIN)
    @Operation(summary = "Debit a wallet (admin), once per reference (the same reference with another amount: 409 "
            + "reference-conflict); never below zero (409 insufficient-funds)")
    public Uni<Wallets.Transaction> debit(@PathParam("userId") UUID userId, DebitRequest request) {
        if (request == null || request.amount() == null || request.amount() <= 0) {
            throw ProblemException.invalid("amount", "amount must be a positive number of rupiah");
        }
        if (request.reference() == null || request.reference().isBlank()) {
            throw ProblemException.invalid("reference", "reference (the idempotency key) is required");
        }
        if (request.reference().length() > MAX_TEXT) {
            throw ProblemException.invalid("reference", "reference must be at most " + MAX_TEXT + " characters");
        }
        if (request.reason() != null && request.reason().length() > MAX_TEXT) {
            throw ProblemException.invalid("reason", "reason must be at most " + MAX_TEXT + " characters");
        }
        String reason = request.reason() == null || request.reason().isBlank() ? "admin_debit" : request.reason();
        return wallets.debit(userId, request.reference(), request.amount(), reason, null);
    }
}
