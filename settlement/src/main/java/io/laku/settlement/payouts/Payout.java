package io.laku.settlement.payouts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A payout of a payee's balance to its bank account; its id is the disbursement's external id and idempotency key. */
@Entity
@Table(name = "payout")
public class Payout extends PanacheEntityBase {

    public static final String PENDING = "pending";
    public static final String REQUESTED = "requested";
    public static final String COMPLETED = "completed";
    public static final String FAILED = "failed";

    @Id
    public UUID id;

    @Column(name = "payee_id")
    public UUID payeeId;

    public long amount;

    public String status;

    @Column(name = "bank_code")
    public String bankCode;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "account_holder_name")
    public String accountHolderName;

    @Column(name = "disbursement_id")
    public String disbursementId;

    @Column(name = "failure_code")
    public String failureCode;

    public int attempts;

    @Column(name = "last_error")
    public String lastError;

    @Column(name = "next_attempt_at")
    public Instant nextAttemptAt;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "completed_at")
    public Instant completedAt;

    public boolean inFlight() {
        return PENDING.equals(status) || REQUESTED.equals(status);
    }
}
