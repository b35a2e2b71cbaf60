package io.laku.order.placement;

import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session events (topic laku.session): a session's settlement, and its production done. */
@ApplicationScoped
public class SessionEventsListener {

    static final String CONSUMER = "order.session-events";

    @Inject
    EventConsumer events;

    @Inject
    OrderPlacement placement;

    @Incoming("session-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case SessionConfirmed confirmed -> placement.confirmed(confirmed);
            case ProductionCompleted completed -> placement.productionCompleted(completed);
            default -> EventConsumer.ignore();
        });
    }
}
