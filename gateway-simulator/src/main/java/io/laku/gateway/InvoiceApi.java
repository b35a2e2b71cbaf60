package io.laku.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Xendit's Invoice API: POST /v2/invoices, GET /v2/invoices/{id}, POST /invoices/{id}/expire!. */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class InvoiceApi {

    @Inject
    Gateway gateway;

    @ConfigProperty(name = "gateway.api-key")
    String apiKey;

    public record CreateInvoice(@JsonProperty("external_id") String externalId, Long amount, String description,
            @JsonProperty("invoice_duration") Long invoiceDuration) {
    }

    @POST
    @Path("/v2/invoices")
    @Consumes(MediaType.APPLICATION_JSON)
    public Invoice create(@HeaderParam("Authorization") String authorization, CreateInvoice request) {
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
        return gateway.create(request.externalId(), request.amount(), request.description(), duration);
    }

    @GET
    @Path("/v2/invoices/{id}")
    public Invoice get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        authenticate(authorization);
        return gateway.find(id).orElseThrow(() -> error(404, "INVOICE_NOT_FOUND_ERROR", "Invoice not found"));
    }

    @POST
    @Path("/invoices/{id}/expire!")
    public Invoice expire(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        authenticate(authorization);
        return gateway.expire(id).orElseThrow(() -> error(404, "INVOICE_NOT_FOUND_ERROR", "Invoice not found"));
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
