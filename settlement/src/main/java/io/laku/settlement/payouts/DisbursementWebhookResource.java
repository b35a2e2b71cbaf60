package io.laku.settlement.payouts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laku.platform.web.ProblemException;
import io.laku.settlement.disbursement.Disbursement;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Xendit's disbursement callbacks. Authenticated by the {@code x-callback-token} header (constant-time compare), not a
 * JWT. Wrong token: 401; unreadable body: 400; unknown payout: 404; nothing is stored in those cases. Each callback
 * (disbursement id + status) is processed once.
 */
@Path("/api/settlements/webhooks/xendit-disbursement")
@Tag(name = "Gateway callbacks")
@PermitAll
public class DisbursementWebhookResource {

    private static final Set<String> STATUSES = Set.of(Disbursement.PENDING, Disbursement.COMPLETED, Disbursement.FAILED);
    private static final String RECORD = """
            insert into disbursement_callback (id, callback_key, disbursement_id, payout_id, status, amount, failure_code,
                                               outcome, flagged, body)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10) on conflict (callback_key) do nothing""";

    @ConfigProperty(name = "laku.settlement.callback-token")
    String callbackToken;

    @Inject
    ObjectMapper json;

    @Inject
    Payouts payouts;

    public record Outcome(String result, UUID payoutId) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Xendit disbursement callback (COMPLETED / FAILED)")
    public Uni<Outcome> callback(@HeaderParam("x-callback-token") String token, String body) {
        if (token == null || !MessageDigest.isEqual(callbackToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "Missing or wrong x-callback-token", null, null);
        }
        Disbursement callback = parse(body);
        UUID payoutId = payoutId(callback);
        String key = callback.id() + ":" + callback.status();
        return Panache.withTransaction(() -> payouts.outcome(payoutId, callback.id(), callback.status(),
                        callback.amount(), callback.failureCode())
                .invoke(outcome -> {
                    if (Payouts.UNKNOWN.equals(outcome)) {
                        throw ProblemException.notFound("Disbursement", callback.id() + " of payout " + callback.externalId());
                    }
                })
                .chain(outcome -> Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                        .setParameter(1, UUID.randomUUID()).setParameter(2, key).setParameter(3, callback.id())
                        .setParameter(4, payoutId).setParameter(5, callback.status()).setParameter(6, callback.amount())
                        .setParameter(7, callback.failureCode()).setParameter(8, outcome)
                        .setParameter(9, "amount_mismatch".equals(outcome)).setParameter(10, body).executeUpdate())
                        .map(recorded -> new Outcome(recorded == 1 ? outcome : "duplicate", payoutId))));
    }

    private Disbursement parse(String body) {
        Disbursement callback;
        try {
            callback = body == null || body.isBlank() ? null : json.readValue(body, Disbursement.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "The body is not a Xendit disbursement callback: " + e.getOriginalMessage());
        }
        if (callback == null) {
            throw ProblemException.invalid("body", "The callback body is empty");
        }
        if (callback.id() == null || callback.id().isBlank()) {
            throw ProblemException.invalid("id", "id (the disbursement id) is required");
        }
        if (callback.status() == null || !STATUSES.contains(callback.status())) {
            throw ProblemException.invalid("status", "status must be one of " + STATUSES);
        }
        if (callback.amount() != null && callback.amount() < 0) {
            throw ProblemException.invalid("amount", "amounts are never negative");
        }
        return callback;
    }

    private static UUID payoutId(Disbursement callback) {
        try {
            return UUID.fromString(callback.externalId());
        } catch (RuntimeException e) {
            throw ProblemException.notFound("Payout", callback.externalId());
        }
    }
}
