package io.laku.payment.gateway;

import java.time.Duration;

/**
 * The payment-gateway port (SPEC §6). Calls are idempotent: creating an invoice twice for the same
 * external id returns the first invoice, so a retried or repeated call never creates a second one.
 */
public interface PaymentGateway {

    GatewayInvoice createInvoice(String externalId, long amount, String description, Duration validFor);

    GatewayInvoice getInvoice(String invoiceId);

    GatewayInvoice expireInvoice(String invoiceId);
}
