package io.laku.notifications.inapp;

import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionCreated;
import io.laku.contracts.session.SessionFailed;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session events (topic laku.session) that someone should hear about. */
@ApplicationScoped
public class SessionEventsListener implements EventListener {

    static final String CHANNEL = "session-events";

    @Inject
    EventConsumer events;

    @Inject
    Notices notices;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(SessionCreated.class, notices::sessionOpened)
                .onRun(ParticipantJoined.class, notices::participantsJoined)
                .on(SessionConfirmed.class, notices::sessionConfirmed)
                .on(SeatSettled.class, notices::seatSettled)
                .on(SessionFailed.class, notices::sessionFailed)
                .on(SessionCancelled.class, notices::sessionCancelled)
                .on(ProductionCompleted.class, notices::productionCompleted);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
