package io.laku.order.ordering;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** How a confirmed session ended (SessionConfirmed): its product, factory, tier price and real participants. */
public record Settlement(UUID sessionId, UUID productId, UUID factoryId, int tier, long finalUnitPrice,
        List<SettledParticipant> participants) {

    public Settlement {
        Objects.requireNonNull(sessionId, "sessionId");
        Objects.requireNonNull(productId, "productId");
        Objects.requireNonNull(factoryId, "factoryId");
        participants = List.copyOf(participants);
    }
}
