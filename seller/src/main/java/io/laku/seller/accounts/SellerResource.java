package io.laku.seller.accounts;

import io.laku.contracts.seller.SellerBankAccount;
import io.laku.contracts.seller.SellerRegistered;
import io.laku.contracts.seller.SellerSuspended;
import io.laku.contracts.seller.SellerVerified;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.web.Caller;
import io.laku.platform.web.Problem;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.laku.platform.web.RequestParams.PageRequest;
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
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.logging.Logger;

/** Seller accounts (SPEC §8): any signed-in user registers one; an admin verifies or suspends it. */
@Path("/api/sellers")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Sellers")
@SecurityRequirement(name = "jwt")
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class SellerResource {

    private static final Logger LOG = Logger.getLogger(SellerResource.class);

    private static final String REGISTER = """
            insert into seller (id, user_id, store_name, phone, bank_code, account_number, account_holder_name, status,
                                created_at, updated_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'pending_verification', ?8, ?8) on conflict (user_id) do nothing""";

    @Inject
    Caller caller;

    @Inject
    SellerAccess access;

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "laku.seller.default-fee-bps")
    int defaultFeeBps;

    @POST
    @Authenticated
    @WithTransaction
    @Operation(summary = "Open a seller account for the caller (one per user); it waits for an admin's verification")
    @APIResponse(responseCode = "201", description = "The account, pending_verification")
    @APIResponse(responseCode = "409", description = "The caller already has a seller account (its id is in sellerId)")
    public Uni<Response> register(@NotNull @Valid Registration request) {
        UUID userId = caller.userId();
        UUID id = UUID.randomUUID();
        Instant now = Instant.now();
        Registration.BankAccount bank = request.bankAccount();
        return Panache.getSession().chain(session -> session.createNativeQuery(REGISTER)
                        .setParameter(1, id).setParameter(2, userId).setParameter(3, request.storeName().strip())
                        .setParameter(4, request.phone()).setParameter(5, bank.bankCode())
                        .setParameter(6, bank.accountNumber()).setParameter(7, bank.accountHolderName().strip())
                        .setParameter(8, now).executeUpdate())
                .chain(inserted -> {
                    if (inserted == 0) {
                        return Seller.<Seller>find("userId", userId).firstResult().map(existing -> {
                            throw ProblemException.conflict("seller-already-registered",
                                    "This user already has seller account " + existing.id, null,
                                    Map.of("sellerId", existing.id));
                        });
                    }
                    return outbox.publish(id, SellerRegistered.newBuilder()
                                    .setSellerId(id.toString()).setUserId(userId.toString())
                                    .setStoreName(request.storeName().strip()).setPhone(request.phone())
                                    .setBankAccount(SellerBankAccount.newBuilder().setBankCode(bank.bankCode())
                                            .setAccountNumber(bank.accountNumber())
                                            .setAccountHolderName(bank.accountHolderName().strip()).build())
                                    .setRegisteredAt(now).build())
                            .chain(() -> Seller.<Seller>findById(id))
                            .invoke(seller -> LOG.infof("Seller %s registered by user %s (%s)", id, userId, seller.storeName))
                            .map(seller -> Response.created(URI.create("/api/sellers/" + id)).entity(SellerView.of(seller)).build());
                });
    }

    @GET
    @RolesAllowed(Caller.ADMIN)
    @WithSession
    @Operation(summary = "Seller accounts, oldest first, optionally by status (admin: e.g. those waiting for verification)")
    public Uni<SellerView.SellerPage> list(@QueryParam("status") String status, @QueryParam("page") String page,
            @QueryParam("size") String size) {
        PageRequest paging = RequestParams.page(page, size);
        var query = status == null || status.isBlank()
                ? Seller.<Seller>findAll(Sort.by("createdAt").and("id"))
                : Seller.<Seller>find("status", Sort.by("createdAt").and("id"), status(status).code());
        query.page(paging.panache());
        return query.list().chain(items -> query.count().map(total -> new SellerView.SellerPage(
                items.stream().map(SellerView::of).toList(), paging.page(), paging.size(), total)));
    }

    @GET
    @Path("/{id}")
    @Authenticated
    @WithSession
    @Operation(summary = "A seller account: its own user or an admin")
    public Uni<SellerView> get(@PathParam("id") String id) {
        return access.readable(RequestParams.uuid(id, "id")).map(SellerView::of);
    }

    @POST
    @Path("/{id}/verify")
    @RolesAllowed(Caller.ADMIN)
    @WithTransaction
    @Operation(summary = "Verify a seller (admin): active, with the platform fee feeBps (default 500 = 5%)")
    @APIResponse(responseCode = "409", description = "The seller is already active")
    public Uni<SellerView> verify(@PathParam("id") String id, Registration.Verification request) {
        UUID sellerId = RequestParams.uuid(id, "id");
        int feeBps;
        try {
            feeBps = PlatformFee.bps(request == null ? null : request.feeBps(), defaultFeeBps);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("feeBps", e.getMessage());
        }
        UUID admin = caller.userId();
        return locked(sellerId).chain(seller -> {
            SellerStatus next = transition(seller, SellerStatus::verify, "seller-already-active");
            Instant now = Instant.now();
            seller.status = next.code();
            seller.feeBps = feeBps;
            seller.verifiedAt = now;
            seller.verifiedBy = admin;
            seller.suspendedAt = null;
            seller.suspendedBy = null;
            seller.suspensionReason = null;
            seller.updatedAt = now;
            LOG.infof("Seller %s verified by %s at a fee of %d bps", sellerId, admin, feeBps);
            return outbox.publish(sellerId, SellerVerified.newBuilder().setSellerId(sellerId.toString())
                            .setUserId(seller.userId.toString()).setFeeBps(feeBps).setVerifiedBy(admin.toString())
                            .setVerifiedAt(now).build())
                    .map(ignored -> SellerView.of(seller));
        });
    }

    @POST
    @Path("/{id}/suspend")
    @RolesAllowed(Caller.ADMIN)
    @WithTransaction
    @Operation(summary = "Suspend a seller (admin): no new sales; open orders finish")
    @APIResponse(responseCode = "409", description = "The seller is already suspended")
    public Uni<SellerView> suspend(@PathParam("id") String id, @Valid Registration.Suspension request) {
        UUID sellerId = RequestParams.uuid(id, "id");
        UUID admin = caller.userId();
        String reason = request == null || request.reason() == null || request.reason().isBlank() ? null
                : request.reason().strip();
        return locked(sellerId).chain(seller -> {
            SellerStatus next = transition(seller, SellerStatus::suspend, "seller-already-suspended");
            Instant now = Instant.now();
            seller.status = next.code();
            seller.suspendedAt = now;
            seller.suspendedBy = admin;
            seller.suspensionReason = reason;
            seller.updatedAt = now;
            LOG.infof("Seller %s suspended by %s (%s)", sellerId, admin, reason);
            return outbox.publish(sellerId, SellerSuspended.newBuilder().setSellerId(sellerId.toString())
                            .setUserId(seller.userId.toString()).setReason(reason).setSuspendedBy(admin.toString())
                            .setSuspendedAt(now).build())
                    .map(ignored -> SellerView.of(seller));
        });
    }

    private static Uni<Seller> locked(UUID sellerId) {
        return Seller.<Seller>findById(sellerId, LockModeType.PESSIMISTIC_WRITE)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Seller", sellerId));
    }

    private static SellerStatus transition(Seller seller, java.util.function.UnaryOperator<SellerStatus> change,
            String conflictType) {
        try {
            return change.apply(seller.state());
        } catch (IllegalStateException e) {
            throw ProblemException.conflict(conflictType, "Seller " + seller.id + ": " + e.getMessage(), null,
                    Map.of("status", seller.status));
        }
    }

    private static SellerStatus status(String code) {
        try {
            return SellerStatus.ofCode(code);
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("status", "status must be pending_verification, active or suspended; was '"
                    + code + "'");
        }
    }
}
