package io.laku.settlement.disbursement;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** A disbursement as Xendit's Disbursement API returns it and calls back with (the fields settlement uses). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Disbursement(
        String id,
        @JsonProperty("external_id") String externalId,
        Long amount,
        @JsonProperty("bank_code") String bankCode,
        @JsonProperty("account_holder_name") String accountHolderName,
        /** PENDING, COMPLETED or FAILED */
        String status,
        @JsonProperty("failure_code") String failureCode) {

    public static final String PENDING = "PENDING";
    public static final String COMPLETED = "COMPLETED";
    public static final String FAILED = "FAILED";
}
