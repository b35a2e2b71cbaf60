package io.laku.gateway;

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
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Xendit's Disbursement API (POST /disbursements with X-IDEMPOTENCY-KEY, GET /disbursements/{id}, GET
 * /disbursements?external_id=), plus what tests need under /simulator/disbursements: every disbursement made, and fault
 * injection.
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class DisbursementApi {

    private static final Pattern BANK_CODE = Pattern.compile("[A-Z][A-Z0-9_]{1,19}");
    private static final Pattern ACCOUNT_NUMBER = Pattern.compile("[0-9]{5,20}");

    @Inject
    Disbursements disbursements;

    @ConfigProperty(name = "gateway.api-key")
    String apiKey;

    public record CreateDisbursement(@JsonProperty("external_id") String externalId, Long amount,
            @JsonProperty("bank_code") String bankCode, @JsonProperty("account_holder_name") String accountHolderName,
            @JsonProperty("account_number") String accountNumber, String description) {
    }

    public record FaultsRequest(Integer rejectNext, Integer rejectStatus, Integer dropNext, Integer failNext,
            String failureCode, String accountNumber) {
    }

    @POST
    @Path("/disbursements")
    @Consumes(MediaType.APPLICATION_JSON)
    public Disbursement create(@HeaderParam("Authorization") String authorization,
            @HeaderParam("X-IDEMPOTENCY-KEY") String idempotencyKey, CreateDisbursement request) {
        authenticate(authorization);
        if (request == null || request.externalId() == null || request.externalId().isBlank()) {
            throw InvoiceApi.error(400, "API_VALIDATION_ERROR", "external_id is required");
        }
        if (request.amount() == null || request.amount() < 1) {
            throw InvoiceApi.error(400, "API_VALIDATION_ERROR", "amount must be a positive number");
        }
        if (request.bankCode() == null || !BANK_CODE.matcher(request.bankCode()).matches()) {
            throw InvoiceApi.error(400, "BANK_CODE_NOT_SUPPORTED_ERROR", "bank_code is not supported");
        }
        if (request.accountNumber() == null || !ACCOUNT_NUMBER.matcher(request.accountNumber()).matches()) {
            throw InvoiceApi.error(400, "RECIPIENT_ACCOUNT_NUMBER_ERROR", "account_number must be 5 to 20 digits");
        }
        if (request.accountHolderName() == null || request.accountHolderName().isBlank()) {
            throw InvoiceApi.error(400, "API_VALIDATION_ERROR", "account_holder_name is required");
        }
        Disbursements.Created created = disbursements.create(idempotencyKey, request.externalId(), request.amount(),
                request.bankCode(), request.accountHolderName(), request.accountNumber(), request.description());
        if (created.disbursement() == null) {
            throw InvoiceApi.error(created.errorStatus(), created.errorCode(), created.errorMessage());
        }
        return created.disbursement();
    }

    @GET
    @Path("/disbursements/{id}")
    public Disbursement get(@HeaderParam("Authorization") String authorization, @PathParam("id") String id) {
        authenticate(authorization);
        return disbursements.find(id).orElseThrow(() -> InvoiceApi.error(404, "DIRECT_DISBURSEMENT_NOT_FOUND_ERROR",
                "Disbursement not found"));
    }

    @GET
    @Path("/disbursements")
    public List<Disbursement> byExternalId(@HeaderParam("Authorization") String authorization,
            @QueryParam("external_id") String externalId) {
        authenticate(authorization);
        if (externalId == null || externalId.isBlank()) {
            throw InvoiceApi.error(400, "API_VALIDATION_ERROR", "external_id is required");
        }
        List<Disbursement> found = disbursements.byExternalId(externalId);
        if (found.isEmpty()) {
            throw InvoiceApi.error(404, "DIRECT_DISBURSEMENT_NOT_FOUND_ERROR", "Disbursement not found");
        }
        return found;
    }

    /** Every disbursement the simulator made, oldest first (with the account number, unlike Xendit's answer). */
    @GET
    @Path("/simulator/disbursements")
    public List<Disbursement> all(@QueryParam("account_number") String accountNumber) {
        return disbursements.all(accountNumber == null || accountNumber.isBlank() ? null : accountNumber.strip());
    }

    @GET
    @Path("/simulator/disbursements/faults")
    public Disbursements.Faults faults() {
        return disbursements.faults();
    }

    @POST
    @Path("/simulator/disbursements/faults")
    @Consumes(MediaType.APPLICATION_JSON)
    public Disbursements.Faults setFaults(FaultsRequest request) {
        FaultsRequest r = request == null ? new FaultsRequest(null, null, null, null, null, null) : request;
        int rejectStatus = r.rejectStatus() == null ? 503 : r.rejectStatus();
        if (rejectStatus < 500 || rejectStatus > 599) {
            throw InvoiceApi.error(400, "API_VALIDATION_ERROR", "rejectStatus must be a server error status (500-599)");
        }
        int reject = count(r.rejectNext(), "rejectNext");
        int drop = count(r.dropNext(), "dropNext");
        int fail = count(r.failNext(), "failNext");
        String code = r.failureCode() == null || r.failureCode().isBlank() ? "TEMPORARY_BANK_NETWORK_ERROR" : r.failureCode();
        String account = r.accountNumber() == null || r.accountNumber().isBlank() ? null : r.accountNumber().strip();
        return disbursements.setFaults(new Disbursements.Faults(reject, rejectStatus, drop, fail, code, account));
    }

    @DELETE
    @Path("/simulator/disbursements/faults")
    public Disbursements.Faults clearFaults() {
        return disbursements.setFaults(Disbursements.Faults.NONE);
    }

    private static int count(Integer value, String field) {
        int n = value == null ? 0 : value;
        if (n < 0) {
            throw InvoiceApi.error(400, "API_VALIDATION_ERROR", field + " must be >= 0");
        }
        return n;
    }

    private void authenticate(String authorization) {
        InvoiceApi.authenticate(apiKey, authorization);
    }
}
