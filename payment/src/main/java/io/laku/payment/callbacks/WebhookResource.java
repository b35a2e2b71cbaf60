package io.laku.payment.callbacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laku.payment.direct.DirectCallbacks;
import io.laku.platform.web.ProblemException;
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
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Xendit's invoice callbacks. Authenticated by the {@code x-callback-token} header (constant-time
 * compare), not a JWT. Wrong token: 401; unreadable body: 400; unknown invoice: 404. Nothing is stored
 * in any of those cases.
 */
@Path("/api/payments/webhooks/xendit")
@Tag(name = "Gateway callbacks")
@PermitAll
public class WebhookResource {

    private static final Set<String> STATUSES = Set.of("PAID", "SETTLED", "EXPIRED", "PENDING", "FAILED");

    @ConfigProperty(name = "laku.payment.callback-token")
    String callbackToken;

    @Inject
    ObjectMapper json;

    @Inject
    Callbacks callbacks;

    @Inject
    DirectCallbacks direct;

    @POST
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Xendit invoice callback (PAID / EXPIRED)")
    public Uni<Callbacks.Outcome> callback(@HeaderParam("x-callback-token") String token, String body) {
        if (token == null || !MessageDigest.isEqual(callbackToken.getBytes(StandardCharsets.UTF_8),
                token.getBytes(StandardCharsets.UTF_8))) {
            throw new ProblemException(401, "unauthorized", "Unauthorized", "Missing or wrong x-callback-token", null, null);
        }
        XenditCallback callback = parse(body);
        // one gateway, one webhook: a store order's direct payment or a seat's escrow payment, by its external id
        return direct.owns(callback).chain(isDirect -> isDirect ? direct.apply(callback, body) : callbacks.apply(callback, body));
    }

    private XenditCallback parse(String body) {
        XenditCallback callback;
        try {
            callback = body == null || body.isBlank() ? null : json.readValue(body, XenditCallback.class);
        } catch (JsonProcessingException e) {
            throw ProblemException.invalid("body", "The callback body is not a Xendit invoice callback: " + e.getOriginalMessage());
        }
        if (callback == null) {
            throw ProblemException.invalid("body", "The callback body is empty");
        }
        if (callback.id() == null || callback.id().isBlank()) {
            throw ProblemException.invalid("id", "id (the invoice id) is required");
        }
        if (callback.externalId() == null || callback.externalId().isBlank()) {
            throw ProblemException.invalid("external_id", "external_id is required");
        }
        if (callback.status() == null || !STATUSES.contains(callback.status())) {
            throw ProblemException.invalid("status", "status must be one of " + STATUSES);
        }
        if (callback.amount() != null && callback.amount() < 0 || callback.paidAmount() != null && callback.paidAmount() < 0) {
            throw ProblemException.invalid("amount", "amounts are never negative");
        }
        return callback;
    }
}
