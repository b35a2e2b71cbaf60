package io.laku.seller.accounts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A seller account as REST shows it to its owner and admins. */
public record SellerView(UUID id, UUID userId, String storeName, String phone, BankAccount bankAccount, String status,
        Integer feeBps, Instant verifiedAt, Instant suspendedAt, String suspensionReason, Instant createdAt) {

    public record BankAccount(String bankCode, String accountNumber, String accountHolderName) {
    }

    public record SellerPage(List<SellerView> items, int page, int size, long total) {
    }

    static SellerView of(Seller s) {
        return new SellerView(s.id, s.userId, s.storeName, s.phone,
                new BankAccount(s.bankCode, s.accountNumber, s.accountHolderName), s.status, s.feeBps, s.verifiedAt,
                s.suspendedAt, s.suspensionReason, s.createdAt);
    }
}
