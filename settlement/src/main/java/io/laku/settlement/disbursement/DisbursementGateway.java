package io.laku.settlement.disbursement;

/**
 * The disbursement port (SPEC §8): sends money from the platform's balance to a payee's bank account. Creating is
 * idempotent on the external id: a repeated or retried request returns the disbursement made the first time, never a
 * second one.
 */
public interface DisbursementGateway {

    record BankAccount(String bankCode, String accountNumber, String accountHolderName) {
    }

    Disbursement create(String externalId, long amount, BankAccount to, String description);

    Disbursement get(String disbursementId);
}
