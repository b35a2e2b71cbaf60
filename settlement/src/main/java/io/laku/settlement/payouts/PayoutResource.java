package io.laku.settlement.payouts;

import io.laku.platform.web.Caller;
import io.laku.platform.web.Problem;
import io.laku.platform.web.ProblemException;
import io.laku.platform.web.RequestParams;
import io.laku.platform.web.RequestParams.PageRequest;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Positive;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Payout runs and the payouts they made (admin). */
@Path("/api/settlements/payouts")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Payouts")
@SecurityRequirement(name = "jwt")
@RolesAllowed(Caller.ADMIN)
@APIResponse(responseCode = "401", description = "No valid bearer token",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PayoutResource {

    @Inject
    Payouts payouts;

    @ConfigProperty(name = "laku.settlement.payout-minimum")
    long defaultMinimum;

    public record RunRequest(@Positive Long minimumAmount) {
    }

    public record PayoutPage(List<PayoutView> items, int page, int size, long total) {
    }

    @POST
    @WithTransaction
    @Operation(summary = "Pay out every balance of at least minimumAmount (default laku.settlement.payout-minimum): one "
            + "payout per payee, none for a payee whose payout is still in flight; a repeated run pays nothing new")
    public Uni<Payouts.Run> run(@Valid RunRequest request) {
        long minimum = request == null || request.minimumAmount() == null ? defaultMinimum : request.minimumAmount();
        return payouts.run(minimum);
    }

    @GET
    @WithSession
    @Operation(summary = "Payouts, newest first, optionally of one payee or in one status")
    public Uni<PayoutPage> list(@QueryParam("payeeId") String payeeId, @QueryParam("status") String status,
            @QueryParam("page") String page, @QueryParam("size") String size) {
        UUID payee = RequestParams.optionalUuid(payeeId, "payeeId");
        PageRequest paging = RequestParams.page(page, size);
        Map<String, Object> params = new LinkedHashMap<>();
        if (payee != null) {
            params.put("payeeId", payee);
        }
        if (status != null && !status.isBlank()) {
            if (!List.of(Payout.PENDING, Payout.REQUESTED, Payout.COMPLETED, Payout.FAILED).contains(status)) {
                throw ProblemException.invalid("status", "status must be pending, requested, completed or failed");
            }
            params.put("status", status);
        }
        String where = params.isEmpty() ? "1 = 1" : String.join(" and ", params.keySet().stream().map(k -> k + " = :" + k).toList());
        var query = Payout.<Payout>find(where, Sort.descending("createdAt").and("id"), params).page(paging.panache());
        return query.list().chain(items -> query.count().map(total -> new PayoutPage(
                items.stream().map(PayoutView::of).toList(), paging.page(), paging.size(), total)));
    }
}
