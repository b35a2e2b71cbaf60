package io.laku.payment.gateway;

import com.fasterxml.jackson.annotation.JsonProperty;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Xendit's Invoice API over HTTP (basic auth: the secret API key as user, empty password), non-blocking. */
@RegisterRestClient(configKey = "xendit")
@ClientHeaderParam(name = "Authorization", value = "{basicAuth}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface XenditApi {

    record CreateInvoiceRequest(@JsonProperty("external_id") String externalId, long amount, String description,
            @JsonProperty("invoice_duration") long invoiceDuration) {
    }

    @POST
    @Path("/v2/invoices")
    Uni<GatewayInvoice> create(CreateInvoiceRequest request);

    @GET
    @Path("/v2/invoices/{id}")
    Uni<GatewayInvoice> get(@PathParam("id") String id);

    @POST
    @Path("/invoices/{id}/expire!")
    Uni<GatewayInvoice> expire(@PathParam("id") String id);

    default String basicAuth() {
        String key = ConfigProvider.getConfig().getValue("laku.payment.xendit-api-key", String.class);
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
