package io.laku.notifications.whatsapp;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.ClientExceptionMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** The WhatsApp Cloud API's messages endpoint over HTTP (bearer access token). */
@RegisterRestClient(configKey = "whatsapp")
@ClientHeaderParam(name = "Authorization", value = "{bearer}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface WhatsAppCloudApi {

    ObjectMapper JSON = new ObjectMapper();

    record Text(@JsonProperty("preview_url") boolean previewUrl, String body) {
    }

    record SendMessage(@JsonProperty("messaging_product") String messagingProduct,
            @JsonProperty("recipient_type") String recipientType, String to, String type, Text text) {

        static SendMessage text(String to, String body) {
            return new SendMessage("whatsapp", "individual", to, "text", new Text(false, body));
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Contact(String input, @JsonProperty("wa_id") String waId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record SentMessage(String id) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record MessageSent(@JsonProperty("messaging_product") String messagingProduct, List<Contact> contacts,
            List<SentMessage> messages) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Error(String message, String type, Integer code) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorBody(Error error) {
    }

    @POST
    @Path("/{version}/{phoneNumberId}/messages")
    MessageSent send(@PathParam("version") String version, @PathParam("phoneNumberId") String phoneNumberId,
            SendMessage message);

    default String bearer() {
        return "Bearer " + ConfigProvider.getConfig().getValue("laku.whatsapp.access-token", String.class);
    }

    /** Cloud API errors ({"error": {"message", "type", "code"}}) become a WhatsAppException saying what was refused. */
    @ClientExceptionMapper
    static RuntimeException refused(Response response) {
        int status = response.getStatus();
        String detail;
        try {
            String body = response.readEntity(String.class);
            ErrorBody error = body == null || body.isBlank() ? null : JSON.readValue(body, ErrorBody.class);
            detail = error == null || error.error() == null ? String.valueOf(body)
                    : error.error().message() + " (type " + error.error().type() + ", code " + error.error().code() + ")";
        } catch (Exception unreadable) {
            detail = "unreadable error body";
        }
        boolean retryable = status >= 500 || status == 429 || status == 408;
        return new WhatsAppException(status, "WhatsApp answered HTTP " + status + ": " + detail, retryable);
    }
}
