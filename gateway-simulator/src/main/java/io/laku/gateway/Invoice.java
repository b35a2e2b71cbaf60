package io.laku.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** An invoice as Xendit's Invoice API returns it (the fields Laku uses). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Invoice(
        String id,
        @JsonProperty("external_id") String externalId,
        @JsonProperty("user_id") String userId,
        String status,
        long amount,
        @JsonProperty("paid_amount") Long paidAmount,
        String description,
        @JsonProperty("invoice_url") String invoiceUrl,
        @JsonProperty("expiry_date") Instant expiryDate,
        @JsonProperty("paid_at") Instant paidAt,
        String currency,
        Instant created,
        Instant updated) {

    Invoice paid(long paidAmount, Instant at) {
        return new Invoice(id, externalId, userId, "PAID", amount, paidAmount, description, invoiceUrl, expiryDate, at,
                currency, created, at);
    }

    Invoice expired(Instant at) {
        return new Invoice(id, externalId, userId, "EXPIRED", amount, null, description, invoiceUrl, at, null, currency,
                created, at);
    }
}
