package io.laku.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The WhatsApp Cloud API's send-message endpoint ({@code POST /whatsapp/{version}/{phone number id}/messages},
 * bearer access token, text messages), plus what tests need: the recorded messages and fault injection.
 */
@Path("/whatsapp")
@Produces(MediaType.APPLICATION_JSON)
public class WhatsAppApi {

    private static final Logger LOG = Logger.getLogger(WhatsAppApi.class);
    private static final Pattern VERSION = Pattern.compile("v[0-9]+\\.[0-9]+");
    private static final Pattern WA_ID = Pattern.compile("[1-9][0-9]{7,14}");
    private static final int MAX_BODY = 4096;

    @Inject
    WhatsAppInbox inbox;

    @ConfigProperty(name = "gateway.whatsapp.access-token")
    String accessToken;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Text(@JsonProperty("preview_url") Boolean previewUrl, String body) {
    }

    public record SendMessage(@JsonProperty("messaging_product") String messagingProduct,
            @JsonProperty("recipient_type") String recipientType, String to, String type, Text text) {
    }

    public record FaultsRequest(Integer failNext, Integer status, String to) {
    }

    @POST
    @Path("/{version}/{phoneNumberId}/messages")
    @Consumes(MediaType.APPLICATION_JSON)
    public Map<String, Object> send(@HeaderParam("Authorization") String authorization,
            @PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId, SendMessage request) {
        authenticate(authorization);
        if (!VERSION.matcher(version).matches()) {
            throw error(400, 2500, "OAuthException", "Unknown path components: /" + version);
        }
        if (!phoneNumberId.chars().allMatch(Character::isDigit)) {
            throw error(400, 100, "OAuthException", "(#100) Unsupported post request: phone number id " + phoneNumberId);
        }
        validate(request);
        int fault = inbox.takeFault(request.to());
        if (fault != 0) {
            LOG.infof("WhatsApp message to %s refused with injected fault HTTP %d", request.to(), fault);
            throw error(fault, fault >= 500 ? 2 : 131000, "OAuthException",
                    fault >= 500 ? "Service temporarily unavailable (injected fault)" : "Something went wrong (injected fault)");
        }
        WhatsAppInbox.Message message = inbox.record(phoneNumberId, request.to(), request.text().body());
        LOG.infof("WhatsApp message %s to %s accepted", message.id(), message.to());
        Map<String, Object> sent = new LinkedHashMap<>();
        sent.put("messaging_product", "whatsapp");
        sent.put("contacts", List.of(Map.of("input", request.to(), "wa_id", request.to())));
        sent.put("messages", List.of(Map.of("id", message.id())));
        return sent;
    }

    /** What the simulator accepted, oldest first (newest last); {@code to} filters by recipient. */
    @GET
    @Path("/messages")
    public List<WhatsAppInbox.Message> messages(@QueryParam("to") String to) {
        return inbox.messages(to);
    }

    @GET
    @Path("/faults")
    public WhatsAppInbox.Faults faults() {
        return inbox.faults();
    }

    /** {"failNext": n, "status": 500, "to": "62812..."}: the next n sends (to that number, if given) fail with status. */
    @POST
    @Path("/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public WhatsAppInbox.Faults setFaults(FaultsRequest request) {
        int failNext = request == null || request.failNext() == null ? 0 : request.failNext();
        int status = request == null || request.status() == null ? 500 : request.status();
        if (failNext < 0) {
            throw error(400, 100, "OAuthException", "failNext must be >= 0");
        }
        if (status < 400 || status > 599) {
            throw error(400, 100, "OAuthException", "status must be an HTTP error status (400-599)");
        }
        String to = request == null || request.to() == null || request.to().isBlank() ? null
                : request.to().strip().replaceFirst("^\\+", "");
        return inbox.setFaults(new WhatsAppInbox.Faults(failNext, status, to));
    }

    @DELETE
    @Path("/faults")
    public WhatsAppInbox.Faults clearFaults() {
        return inbox.setFaults(new WhatsAppInbox.Faults(0, 500, null));
    }

    private static void validate(SendMessage request) {
        if (request == null) {
            throw invalid("the request body is required");
        }
        if (!"whatsapp".equals(request.messagingProduct())) {
            throw invalid("messaging_product must be \"whatsapp\"");
        }
        if (request.recipientType() != null && !"individual".equals(request.recipientType())) {
            throw invalid("recipient_type must be \"individual\"");
        }
        if (request.to() == null || !WA_ID.matcher(request.to()).matches()) {
            throw invalid("to must be a phone number in international format, digits only (e.g. 6281234567890)");
        }
        if (!"text".equals(request.type())) {
            throw invalid("type must be \"text\" (the simulator sends text messages only)");
        }
        if (request.text() == null || request.text().body() == null || request.text().body().isBlank()) {
            throw invalid("text.body is required");
        }
        if (request.text().body().length() > MAX_BODY) {
            throw invalid("text.body must be at most " + MAX_BODY + " characters");
        }
    }

    private void authenticate(String authorization) {
        String expected = "Bearer " + accessToken;
        if (authorization == null || !MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8),
                authorization.getBytes(StandardCharsets.UTF_8))) {
            throw error(401, 190, "OAuthException", "Invalid OAuth access token - Cannot parse access token");
        }
    }

    private static WebApplicationException invalid(String details) {
        return error(400, 100, "OAuthException", "(#100) Invalid parameter", details);
    }

    private static WebApplicationException error(int status, int code, String type, String message) {
        return error(status, code, type, message, null);
    }

    /** The Cloud API's error shape: {"error": {"message", "type", "code", "error_data", "fbtrace_id"}}. */
    private static WebApplicationException error(int status, int code, String type, String message, String details) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("type", type);
        error.put("code", code);
        if (details != null) {
            error.put("error_data", Map.of("messaging_product", "whatsapp", "details", details));
        }
        error.put("fbtrace_id", UUID.randomUUID().toString().replace("-", "").substring(0, 22));
        return new WebApplicationException(Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", error)).build());
    }
}
