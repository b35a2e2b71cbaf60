package io.laku.order.ordering;

import java.time.Instant;
import java.util.UUID;

/** An order ready to be stored: one per real participant of a session. */
public record OrderDraft(UUID orderId, String orderNumber, UUID sessionId, UUID factoryId, UUID participantId,
        UUID userId, ProductSnapshot item, OrderStatus status, Instant createdAt) {
}
