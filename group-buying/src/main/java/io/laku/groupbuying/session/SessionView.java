package io.laku.groupbuying.session;

import java.time.Instant;
import java.util.UUID;

/** A session as the REST API shows it. */
public record SessionView(UUID id, String sessionCode, UUID productId, UUID factoryId, int targetMoq, long groupPrice,
        long priceTier25, long priceTier50, long priceTier75, long priceTier100, boolean botAllowed, Instant endTime,
        String status, Instant createdAt) {

    static SessionView of(Session s) {
        return new SessionView(s.id, s.sessionCode, s.productId, s.factoryId, s.targetMoq, s.groupPrice, s.priceTier25,
                s.priceTier50, s.priceTier75, s.priceTier100, s.botAllowed, s.endTime, s.status.code(), s.createdAt);
    }
}
