package io.laku.notifications.inapp;

import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.SessionFailed;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session events (topic laku.session) that someone should hear about. */
@ApplicationScoped
public class SessionEventsListener {

    static final String CONSUMER = "notifications.session-events";

    @Inject
    EventConsumer events;

    @Inject
    Notices notices;

    @Incoming("session-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case SessionCreated created -> notices.sessionOpened(event, created);
            case ParticipantJoined joined -> notices.participantJoined(joined);
            case SessionConfirmed confirmed -> notices.sessionConfirmed(event, confirmed);
            case SessionFailed failed -> notices.sessionFailed(event, failed);
            case SessionCancelled cancelled -> notices.sessionCancelled(event, cancelled);
            case ProductionCompleted completed -> notices.productionCompleted(event, completed);
            default -> EventConsumer.ignore();
        });
    }
}
