package io.laku.order.ordering;

import java.util.Objects;
import java.util.UUID;

/**
 * A real participant's settlement, as group-buying announced it when the session ended (the platform bot is never
 * one). {@code variantName} is the name the session's demand gave the variant, or null.
 */
public record SettledParticipant(UUID participantId, UUID userId, UUID variantId, String variantName, long quantity,
        long paidUnitPrice, long finalUnitPrice, long refundDue) {

    public SettledParticipant {
        Objects.requireNonNull(participantId, "participantId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(variantId, "variantId");
        if (quantity <= 0) {
            throw new IllegalArgumentException("participant " + participantId + ": quantity must be > 0, was " + quantity);
        }
        if (finalUnitPrice < 0 || paidUnitPrice < finalUnitPrice) {
            throw new IllegalArgumentException("participant " + participantId + ": paid unit price " + paidUnitPrice
                    + " must be >= final unit price " + finalUnitPrice + " >= 0");
        }
        if (refundDue < 0) {
            throw new IllegalArgumentException("participant " + participantId + ": refund due must be >= 0, was " + refundDue);
        }
    }
}
