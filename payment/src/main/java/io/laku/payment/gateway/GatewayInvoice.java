package io.laku.payment.gateway;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An invoice as Xendit's Invoice API returns it (the fields payment uses). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record GatewayInvoice(
        String id,
        @JsonProperty("external_id") String externalId,
        String status,
        long amount,
        @JsonProperty("invoice_url") String invoiceUrl,
        @JsonProperty("expiry_date") Instant expiryDate) {
}
