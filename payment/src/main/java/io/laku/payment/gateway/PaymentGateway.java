package io.laku.payment.gateway;

import io.smallrye.mutiny.Uni;
import java.time.Duration;

/**
 * The payment-gateway port (SPEC §6). Calls are idempotent: creating an invoice twice for the same external id
 * returns the first invoice, so a retried or repeated call never creates a second one. A refusal that no retry can
 * change fails with {@link GatewayRejectedException}; any other failure (no answer, 5xx, 429) is worth another
 * attempt. The non-blocking forms let the invoice worker keep many calls in flight without a thread each.
 */
public interface PaymentGateway {

    /** How long a blocking form waits at most (the adapter's own timeouts end a call sooner). */
    Duration BLOCKING_LIMIT = Duration.ofSeconds(30);

    Uni<GatewayInvoice> create(String externalId, long amount, String description, Duration validFor);

    Uni<GatewayInvoice> find(String invoiceId);

    Uni<GatewayInvoice> expire(String invoiceId);

    /** {@link #create}, blocking: for callers on a worker thread. */
    default GatewayInvoice createInvoice(String externalId, long amount, String description, Duration validFor) {
        return create(externalId, amount, description, validFor).await().atMost(BLOCKING_LIMIT);
    }

    /** {@link #find}, blocking: for callers on a worker thread. */
    default GatewayInvoice getInvoice(String invoiceId) {
        return find(invoiceId).await().atMost(BLOCKING_LIMIT);
    }

    /** {@link #expire}, blocking: for callers on a worker thread. */
    default GatewayInvoice expireInvoice(String invoiceId) {
        return expire(invoiceId).await().atMost(BLOCKING_LIMIT);
    }
}
