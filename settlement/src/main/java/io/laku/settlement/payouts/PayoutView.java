package io.laku.settlement.payouts;

import java.time.Instant;
import java.util.UUID;

/** A payout as REST shows it. */
public record PayoutView(UUID id, UUID payeeId, long amount, String status, String disbursementId, String failureCode,
        int attempts, String lastError, Instant createdAt, Instant completedAt) {

    public static PayoutView of(Payout p) {
        return new PayoutView(p.id, p.payeeId, p.amount, p.status, p.disbursementId, p.failureCode, p.attempts,
                p.lastError, p.createdAt, p.completedAt);
    }
}
