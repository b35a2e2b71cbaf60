package io.laku.warehouse.fulfilment;

import io.laku.contracts.session.SessionConfirmed;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session events (topic laku.session): a confirmed session's demand is fulfilled. */
@ApplicationScoped
public class SessionEventsListener {

    static final String CONSUMER = "warehouse.session-events";

    @Inject
    EventConsumer events;

    @Inject
    Fulfilment fulfilment;

    @Incoming("session-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case SessionConfirmed confirmed -> fulfilment.sessionConfirmed(event, confirmed);
            default -> EventConsumer.ignore();
        });
    }
}
