package io.laku.e2e;

import io.laku.contracts.session.ConfirmedParticipant;
import io.laku.contracts.session.FailedRefund;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes session events onto laku.session exactly as group-buying's outbox does (registry-framed
 * Avro, key = session id, headers id / eventType / traceId), for flows whose group-buying side is not
 * built in this branch yet (joins, expiry, production).
 */
final class SessionEvents {


    private SessionEvents() {
    }

    static RecordMetadata publish(String sessionId, SpecificRecord event) {
        return publish(sessionId, event, UUID.randomUUID());
    }

    static RecordMetadata publish(String sessionId, SpecificRecord event, UUID eventId) {
        return Events.publish("laku.session", sessionId, event, eventId);
    }

    static ParticipantJoined joined(String sessionId, UUID factory, UUID participant, UUID user, long quantity, long unitPrice) {
        return ParticipantJoined.newBuilder().setSessionId(sessionId).setParticipantId(participant.toString())
                .setUserId(user.toString()).setProductId(UUID.randomUUID().toString()).setFactoryId(factory.toString())
                .setVariantId(UUID.randomUUID().toString()).setQuantity(quantity).setUnitPrice(unitPrice)
                .setAmountDue(quantity * unitPrice).setJoinedAt(Instant.now()).build();
    }

    static ConfirmedParticipant confirmedParticipant(UUID participant, UUID user, long quantity, long paid, long fin) {
        return ConfirmedParticipant.newBuilder().setParticipantId(participant.toString()).setUserId(user.toString())
                .setVariantId(UUID.randomUUID().toString()).setQuantity(quantity).setPaidUnitPrice(paid)
                .setFinalUnitPrice(fin).setRefundDue((paid - fin) * quantity).build();
    }

    static SessionConfirmed confirmed(String sessionId, UUID factory, int tier, long groupPrice, long finalPrice,
            List<ConfirmedParticipant> participants) {
        long units = participants.stream().mapToLong(ConfirmedParticipant::getQuantity).sum();
        return SessionConfirmed.newBuilder().setSessionId(sessionId).setProductId(UUID.randomUUID().toString())
                .setFactoryId(factory.toString()).setTargetMoq(100).setTier(tier).setGroupPrice(groupPrice)
                .setFinalUnitPrice(finalPrice).setPaidUnits(units).setBotUnits(0).setParticipants(participants)
                .setDemand(List.of()).setConfirmedAt(Instant.now()).build();
    }

    static SessionFailed failed(String sessionId, UUID factory, List<FailedRefund> refunds) {
        return SessionFailed.newBuilder().setSessionId(sessionId).setProductId(UUID.randomUUID().toString())
                .setFactoryId(factory.toString()).setReason("BELOW_25_PERCENT_WITHOUT_BOT").setPaidUnits(0)
                .setRefunds(refunds).setFailedAt(Instant.now()).build();
    }

    static ProductionCompleted productionCompleted(String sessionId, UUID factory) {
        return ProductionCompleted.newBuilder().setSessionId(sessionId).setFactoryId(factory.toString())
                .setImpliedByStock(false).setCompletedAt(Instant.now()).build();
    }


}
