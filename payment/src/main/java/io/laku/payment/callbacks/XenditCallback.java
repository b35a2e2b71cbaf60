package io.laku.payment.callbacks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** Xendit's invoice callback body (the fields payment uses). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record XenditCallback(
        String id,
        @JsonProperty("external_id") String externalId,
        String status,
        Long amount,
        @JsonProperty("paid_amount") Long paidAmount,
        @JsonProperty("paid_at") String paidAt) {
}
