package io.laku.settlement.balances;

import io.laku.settlement.ledger.PayeeKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** Someone settlement owes money: a seller (from laku.seller) or a factory (from its first released escrow). */
@Entity
@Table(name = "payee")
public class Payee extends PanacheEntityBase {

    @Id
    public UUID id;

    public String kind;

    @Column(name = "user_id")
    public UUID userId;

    public String name;

    @Column(name = "fee_bps")
    public Integer feeBps;

    @Column(name = "bank_code")
    public String bankCode;

    @Column(name = "account_number")
    public String accountNumber;

    @Column(name = "account_holder_name")
    public String accountHolderName;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    public PayeeKind payeeKind() {
        return PayeeKind.ofCode(kind);
    }

    public boolean hasBankAccount() {
        return accountNumber != null;
    }
}
