package io.laku.groupbuying.join;

import java.util.UUID;

/**
 * The seed's join body. {@code userId} is accepted for compatibility with the seed but never used: the participant
 * is always the token's subject.
 */
public record JoinRequest(String userId, UUID variantId, Long quantity, Long unitPrice, Long totalPrice) {
}
