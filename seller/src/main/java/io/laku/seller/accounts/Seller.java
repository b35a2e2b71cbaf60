package io.laku.seller.accounts;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A seller account: the user who owns it, its store, where payouts go, and whether it may sell. */
@Entity
@Table(name = "seller")
public class Seller extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "user_id")
    public UUID userId;

    @Column(name = "store_name")
    public String storeName;

    public String phone;

    @Column(name = "bank_code")
    public String bankCode;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "account_holder_name")
    public String accountHolderName;

    /** A {@link SellerStatus} code. */
    public String status;

    @Column(name = "fee_bps")
    public Integer feeBps;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "verified_by")
    public UUID verifiedBy;

    @Column(name = "suspended_at")
    public Instant suspendedAt;

    @Column(name = "suspended_by")
    public UUID suspendedBy;

    @Column(name = "suspension_reason")
    public String suspensionReason;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public SellerStatus state() {
        return SellerStatus.ofCode(status);
    }
}
