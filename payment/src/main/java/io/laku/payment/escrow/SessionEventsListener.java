package io.laku.payment.escrow;

import io.laku.contracts.payment.RefundReason;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session events (topic laku.session) that open, refund or release escrow. */
@ApplicationScoped
public class SessionEventsListener {

    static final String CONSUMER = "payment.session-events";

    @Inject
    EventConsumer events;

    @Inject
    Escrow escrow;

    @Incoming("session-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case ParticipantJoined joined -> escrow.joined(joined);
            case ParticipantLeft left -> escrow.left(left);
            case SessionConfirmed confirmed -> escrow.confirmed(confirmed);
            case SessionFailed failed -> escrow.ended(UUID.fromString(failed.getSessionId()),
                    UUID.fromString(failed.getFactoryId()), SessionAccount.FAILED, RefundReason.SESSION_FAILED);
            case SessionCancelled cancelled -> escrow.ended(UUID.fromString(cancelled.getSessionId()),
                    UUID.fromString(cancelled.getFactoryId()), SessionAccount.CANCELLED, RefundReason.SESSION_CANCELLED);
            case ProductionCompleted completed -> escrow.productionCompleted(completed);
            default -> EventConsumer.ignore();
        });
    }
}
