package io.laku.payment.gateway;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import io.smallrye.faulttolerance.api.ExponentialBackoff;

/**
 * The production adapter: Xendit's Invoice API. Errors and timeouts are retried with exponential
 * backoff (SmallRye Fault Tolerance); a refusal (4xx) is not. Locally the same adapter talks to the
 * gateway simulator, so tests exercise this code over HTTP.
 */
@ApplicationScoped
public class XenditGateway implements PaymentGateway {

    @Inject
    @RestClient
    XenditApi api;

    @Override
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = GatewayRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    public GatewayInvoice createInvoice(String externalId, long amount, String description, Duration validFor) {
        return call(() -> api.create(new XenditApi.CreateInvoiceRequest(externalId, amount, description,
                Math.max(1, validFor.toSeconds()))));
    }

    @Override
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = GatewayRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    public GatewayInvoice getInvoice(String invoiceId) {
        return call(() -> api.get(invoiceId));
    }

    @Override
    @Timeout(value = 6, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 5, delay = 200, jitter = 100, abortOn = GatewayRejectedException.class)
    @ExponentialBackoff(factor = 2, maxDelay = 5000)
    public GatewayInvoice expireInvoice(String invoiceId) {
        return call(() -> api.expire(invoiceId));
    }

    private static GatewayInvoice call(Supplier<GatewayInvoice> request) {
        try {
            return request.get();
        } catch (WebApplicationException e) {
            int status = e.getResponse().getStatus();
            if (status >= 400 && status < 500 && status != 429) {
                throw new GatewayRejectedException(status, e.getMessage());
            }
            throw e;
        }
    }
}
