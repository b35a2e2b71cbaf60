package io.laku.settlement.disbursement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The production adapter: Xendit's Disbursement API. Every create carries the payout id as external id and as
 * {@code X-IDEMPOTENCY-KEY}; Xendit answers a repeated key with DUPLICATE_TRANSACTION_ERROR, and the adapter then
 * returns the disbursement that key made. Errors and timeouts are retried with exponential backoff (SmallRye Fault
 * Tolerance); a refusal (4xx) is not. Locally the same adapter talks to the gateway simulator.
 */
@ApplicationScoped
public class XenditDisbursements implements DisbursementGateway {

    private static final Logger LOG = Logger.getLogger(XenditDisbursements.class);
    static final String DUPLICATE = "DUPLICATE_TRANSACTION_ERROR";

    @Inject
    @RestClient
    XenditDisbursementApi api;

    @Inject
    ObjectMapper json;

    @Override
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = DisbursementRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    public Disbursement create(String externalId, long amount, BankAccount to, String description) {
        try {
            return call(() -> api.create(externalId, new XenditDisbursementApi.CreateDisbursement(externalId, amount,
                    to.bankCode(), to.accountHolderName(), to.accountNumber(), description)));
        } catch (DisbursementRejectedException e) {
            if (!DUPLICATE.equals(e.errorCode())) {
                throw e;
            }
            // an earlier attempt got through (its answer was lost): that disbursement is this payout's
            List<Disbursement> made = call(() -> api.byExternalId(externalId));
            if (made.isEmpty()) {
                throw new IllegalStateException("the gateway says " + externalId + " was used, but shows no disbursement for it");
            }
            LOG.infof("Disbursement for %s was already made (%s): taking it", externalId, made.getFirst().id());
            return made.getFirst();
        }
    }

    @Override
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = DisbursementRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    public Disbursement get(String disbursementId) {
        return call(() -> api.get(disbursementId));
    }

    private <T> T call(Supplier<T> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 429) {
                String code = "HTTP_" + status;
                String message = e.getMessage();
                try {
                    JsonNode body = json.readTree(e.getResponse().readEntity(String.class));
                    code = body.path("error_code").asText(code);
                    message = body.path("message").asText(message);
                } catch (RuntimeException | java.io.IOException unreadable) {
                    // keep the status as the code
                }
                throw new DisbursementRejectedException(status, code, message);
            }
            throw e;
        }
    }
}
