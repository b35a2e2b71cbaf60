package io.laku.order.placement;

import io.laku.contracts.session.ConfirmedParticipant;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.VariantDemand;
import io.laku.order.ordering.SettledParticipant;
import io.laku.order.ordering.Settlement;
import io.laku.platform.eventing.PoisonEventException;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Reads a SessionConfirmed into the settlement orders are made from; an event that cannot be one is poison. */
final class Settlements {

    private Settlements() {
    }

    static Settlement from(SessionConfirmed confirmed) {
        try {
            Map<UUID, String> demandNames = new HashMap<>();
            for (VariantDemand demand : confirmed.getDemand()) {
                demandNames.put(UUID.fromString(demand.getVariantId()), demand.getVariantName());
            }
            return new Settlement(UUID.fromString(confirmed.getSessionId()), UUID.fromString(confirmed.getProductId()),
                    UUID.fromString(confirmed.getFactoryId()), confirmed.getTier(), confirmed.getFinalUnitPrice(),
                    confirmed.getParticipants().stream().map(p -> participant(p, demandNames)).toList());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new PoisonEventException("SessionConfirmed " + confirmed.getSessionId() + " cannot become orders: "
                    + e.getMessage(), e);
        }
    }

    private static SettledParticipant participant(ConfirmedParticipant p, Map<UUID, String> demandNames) {
        UUID variantId = UUID.fromString(p.getVariantId());
        return new SettledParticipant(UUID.fromString(p.getParticipantId()), UUID.fromString(p.getUserId()), variantId,
                demandNames.get(variantId), p.getQuantity(), p.getPaidUnitPrice(), p.getFinalUnitPrice(),
                p.getRefundDue());
    }
}
