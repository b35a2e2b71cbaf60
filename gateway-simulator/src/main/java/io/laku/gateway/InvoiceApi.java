package io.laku.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Xendit's Invoice API: POST /v2/invoices, GET /v2/invoices/{id}, GET /v2/invoices?external_id=, POST
 * /invoices/{id}/expire!; and, for drills, faults and latency injected per operation ({@code /faults/invoices}).
 * Non-blocking: a call made slow on purpose holds no thread.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceApi {

    private static final Logger LOG = Logger.getLogger(InvoiceApi.class);

    @Inject
    Gateway gateway;

    @Inject
    InvoiceFaults faults;

    @ConfigProperty(name = "gateway.api-key")
    String apiKey;

    public record CreateInvoice(@JsonProperty("external_id") String externalId, Long amount, String description,
            @JsonProperty("invoice_duration") Long invoiceDuration) {
    }

    /** {"operation": "create|get|expire", "match": "...", "count": n, "status": 503, "delayMs": 2000} */
    public record FaultRequest(String operation, String match, Integer count, Integer status, Long delayMs) {
    }

    @POST
    @Path("/v2/invoices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Uni<Invoice> create(@HeaderParam("Authorization") String authorization, CreateInvoice request) {
        authenticate(authorization);
        if (request == null || request.externalId() == null || request.externalId().isBlank()) {
            throw error(400, "API_VALIDATION_ERROR", "external_id is required");
        }
        if (request.amount() == null || request.amount() < 1) {
            throw error(400, "API_VALIDATION_ERROR", "amount must be a positive number");
        }
        long duration = request.invoiceDuration() == null ? 86_400 : request.invoiceDuration();
        if (duration < 1) {
            throw error(400, "API_VALIDATION_ERROR", "invoice_duration must be positive");
        }
        return withFaults(faults.take(InvoiceFaults.Operation.CREATE, request.externalId(), request.description()),
                () -> gateway.create(request.externalId(), request.amount(), request.description(), duration));
    }

    @GET
    @Path("/v2/invoices/{id}")
    public Uni<Invoice> get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        authenticate(authorization);
        Invoice invoice = gateway.find(id).orElseThrow(() -> error(404, "INVOICE_NOT_FOUND_ERROR", "Invoice not found"));
        return withFaults(faults.take(InvoiceFaults.Operation.GET, invoice.id(), invoice.externalId(),
                invoice.description()), () -> invoice);
    }

    /** Xendit's list of invoices, here by external id only (0 or 1 invoice: the simulator is idempotent on it). */
    @GET
    @Path("/v2/invoices")
    public List<Invoice> byExternalId(@HeaderParam("Authorization") String authorization,
            @QueryParam("external_id") String externalId) {
        authenticate(authorization);
        if (externalId == null || externalId.isBlank()) {
            throw error(400, "API_VALIDATION_ERROR", "external_id is required");
        }
        return gateway.findByExternalId(externalId).map(List::of).orElse(List.of());
    }

    @POST
    @Path("/invoices/{id}/expire!")
    public Uni<Invoice> expire(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        authenticate(authorization);
        Invoice invoice = gateway.find(id).orElseThrow(() -> error(404, "INVOICE_NOT_FOUND_ERROR", "Invoice not found"));
        return withFaults(faults.take(InvoiceFaults.Operation.EXPIRE, invoice.id(), invoice.externalId(),
                invoice.description()), () -> gateway.expire(id).orElseThrow());
    }

    @GET
    @Path("/faults/invoices")
    public List<InvoiceFaults.Rule> faultRules() {
        return faults.rules();
    }

    @POST
    @Path("/faults/invoices")
    @Consumes(MediaType.APPLICATION_JSON)
    public InvoiceFaults.Rule addFault(FaultRequest request) {
        if (request == null || request.operation() == null) {
            throw error(400, "API_VALIDATION_ERROR", "operation is required: create, get or expire");
        }
        InvoiceFaults.Operation operation;
        try {
            operation = InvoiceFaults.Operation.valueOf(request.operation().trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw error(400, "API_VALIDATION_ERROR", "operation must be create, get or expire");
        }
        if (request.status() != null && (request.status() < 400 || request.status() > 599)) {
            throw error(400, "API_VALIDATION_ERROR", "status must be an HTTP error status (400-599)");
        }
        if (request.count() != null && request.count() < 1) {
            throw error(400, "API_VALIDATION_ERROR", "count must be >= 1 (leave it out for every matching call)");
        }
        long delay = request.delayMs() == null ? 0 : request.delayMs();
        if (delay < 0 || delay > 120_000) {
            throw error(400, "API_VALIDATION_ERROR", "delayMs must be between 0 and 120000");
        }
        if (request.status() == null && delay == 0) {
            throw error(400, "API_VALIDATION_ERROR", "a fault needs a status, a delayMs, or both");
        }
        InvoiceFaults.Rule rule = faults.add(operation, request.match(), request.count(), request.status(), delay);
        LOG.infof("Invoice fault armed: %s", rule);
        return rule;
    }

    @DELETE
    @Path("/faults/invoices")
    public List<InvoiceFaults.Rule> clearFaults() {
        faults.clear();
        return faults.rules();
    }

    @DELETE
    @Path("/faults/invoices/{id}")
    public List<InvoiceFaults.Rule> removeFault(@PathParam("id") long id) {
        if (!faults.remove(id)) {
            throw error(404, "NOT_FOUND", "no fault rule " + id);
        }
        return faults.rules();
    }

    /** Waits the injected delay (without a thread), then answers the injected status or does the call. */
    private static Uni<Invoice> withFaults(Optional<InvoiceFaults.Effect> effect, Supplier<Invoice> call) {
        if (effect.isEmpty()) {
            return Uni.createFrom().item(call);
        }
        InvoiceFaults.Effect e = effect.get();
        Uni<Void> wait = e.delayMs() > 0 ? Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(e.delayMs()))
                : Uni.createFrom().voidItem();
        if (e.status() != null) {
            return wait.chain(() -> Uni.createFrom().failure(error(e.status(), e.status() >= 500 ? "SERVER_ERROR"
                    : "API_VALIDATION_ERROR", "injected fault")));
        }
        // the operation happens now, its answer comes late (e.g. an invoice that exists before its creator hears of it)
        Invoice done = call.get();
        return wait.replaceWith(done);
    }

    private void authenticate(String authorization) {
        authenticate(apiKey, authorization);
    }

    /** Xendit's basic auth: the secret API key as user, an empty password. */
    static void authenticate(String apiKey, String authorization) {
        String expected = "Basic " + Base64.getEncoder().encodeToString((apiKey + ":").getBytes(StandardCharsets.UTF_8));
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw error(401, "INVALID_API_KEY", "API key is invalid");
        }
    }

    static WebApplicationException error(int status, String code, String message) {
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error_code", code, "message", message)).build());
    }
}
