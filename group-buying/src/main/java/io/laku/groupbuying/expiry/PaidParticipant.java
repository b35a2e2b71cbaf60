package io.laku.groupbuying.expiry;

import java.util.Objects;
import java.util.UUID;

/** A real (non-bot) participant whose escrow payment is paid, as the expiry decision sees it. */
public record PaidParticipant(UUID participantId, UUID userId, UUID variantId, long quantity, long paidUnitPrice) {

    public PaidParticipant {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(variantId, "variantId");
        if (quantity < 1) {
            throw new IllegalArgumentException("quantity must be >= 1, was " + quantity);
        }
        if (paidUnitPrice < 1) {
            throw new IllegalArgumentException("paidUnitPrice must be > 0, was " + paidUnitPrice);
        }
    }

    /** What this participant put into escrow. */
    public long paidAmount() {
        return Math.multiplyExact(quantity, paidUnitPrice);
    }
}
