package io.laku.order.placement;

import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session events (topic laku.session): a session's settlement, and its production done. */
@ApplicationScoped
public class SessionEventsListener implements EventListener {

    static final String CHANNEL = "session-events";

    @Inject
    EventConsumer events;

    @Inject
    OrderPlacement placement;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(SessionConfirmed.class, placement::confirmed)
                .onRun(SeatSettled.class, placement::seatsSettled)
                .on(ProductionCompleted.class, placement::productionCompleted);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
