package io.laku.groupbuying.join;

import java.time.Instant;
import java.util.UUID;

/**
 * A seat as the REST API shows it. {@code paymentUrl} is null until the payment service has published the invoice;
 * {@code participantUrl} is where it will appear.
 */
public record ParticipantView(UUID participantId, UUID sessionId, UUID userId, UUID variantId, long quantity,
        long unitPrice, long amountDue, String status, String paymentUrl, String participantUrl, Instant joinedAt) {

    static ParticipantView of(Participant p) {
        return new ParticipantView(p.id, p.sessionId, p.userId, p.variantId, p.quantity, p.unitPrice, p.amountDue,
                p.status.code(), p.paymentUrl, "/api/group-buying/" + p.sessionId + "/participants/" + p.id, p.joinedAt);
    }
}
