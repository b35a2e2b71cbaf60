package io.laku.settlement.disbursement;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.rest.client.annotation.ClientHeaderParam;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;

/** Xendit's Disbursement API over HTTP (basic auth: the secret API key as user, empty password). */
@RegisterRestClient(configKey = "xendit-disbursement")
@ClientHeaderParam(name = "Authorization", value = "{basicAuth}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public interface XenditDisbursementApi {

    record CreateDisbursement(@JsonProperty("external_id") String externalId, long amount,
            @JsonProperty("bank_code") String bankCode, @JsonProperty("account_holder_name") String accountHolderName,
            @JsonProperty("account_number") String accountNumber, String description) {
    }

    @POST
    @Path("/disbursements")
    Disbursement create(@HeaderParam("X-IDEMPOTENCY-KEY") String idempotencyKey, CreateDisbursement request);

    @GET
    @Path("/disbursements/{id}")
    Disbursement get(@PathParam("id") String id);

    @GET
    @Path("/disbursements")
    List<Disbursement> byExternalId(@QueryParam("external_id") String externalId);

    default String basicAuth() {
        String key = ConfigProvider.getConfig().getValue("laku.settlement.xendit-api-key", String.class);
        return "Basic " + Base64.getEncoder().encodeToString((key + ":").getBytes(StandardCharsets.UTF_8));
    }
}
