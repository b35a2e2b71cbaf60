package io.laku.payment.gateway;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import java.time.Duration;
import org.eclipse.microprofile.rest.client.inject.RestClient;

/**
 * The production adapter: Xendit's Invoice API. One call per attempt (the connect and read timeouts bound it): the
 * invoice worker owns the retries, with a backoff per row, so a slow or refusing gateway holds no thread and no other
 * seat's invoice. Locally the same adapter talks to the gateway simulator, so tests exercise this code over HTTP.
 */
@ApplicationScoped
public class XenditGateway implements PaymentGateway {

    @Inject
    @RestClient
    XenditApi api;

    @Override
    public Uni<GatewayInvoice> create(String externalId, long amount, String description, Duration validFor) {
        return refusals(api.create(new XenditApi.CreateInvoiceRequest(externalId, amount, description,
                Math.max(1, validFor.toSeconds()))));
    }

    @Override
    public Uni<GatewayInvoice> find(String invoiceId) {
        return refusals(api.get(invoiceId));
    }

    @Override
    public Uni<GatewayInvoice> expire(String invoiceId) {
        return refusals(api.expire(invoiceId));
    }

    private static Uni<GatewayInvoice> refusals(Uni<GatewayInvoice> call) {
        return call.onFailure(WebApplicationException.class).transform(failure -> {
            int status = ((WebApplicationException) failure).getResponse().getStatus();
            return GatewayRejectedException.refuses(status) ? new GatewayRejectedException(status, failure.getMessage())
                    : failure;
        });
    }
}
