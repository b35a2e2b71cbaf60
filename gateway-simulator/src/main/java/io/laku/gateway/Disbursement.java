package io.laku.gateway;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/** A disbursement as Xendit's Disbursement API returns it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Disbursement(
        String id,
        @JsonProperty("external_id") String externalId,
        @JsonProperty("user_id") String userId,
        long amount,
        @JsonProperty("bank_code") String bankCode,
        @JsonProperty("account_holder_name") String accountHolderName,
        @JsonProperty("account_number") String accountNumber,
        @JsonProperty("disbursement_description") String description,
        String status,
        @JsonProperty("failure_code") String failureCode,
        @JsonProperty("is_instant") boolean instant,
        Instant created,
        Instant updated,
        /** The failure code it will end with (a fault armed when it was made); not on Xendit's wire. */
        @com.fasterxml.jackson.annotation.JsonIgnore String failWith) {

    Disbursement settled(Instant at) {
        return new Disbursement(id, externalId, userId, amount, bankCode, accountHolderName, accountNumber, description,
                failWith == null ? "COMPLETED" : "FAILED", failWith, instant, created, at, failWith);
    }
}
