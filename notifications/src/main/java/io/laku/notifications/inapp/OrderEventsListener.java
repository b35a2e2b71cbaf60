package io.laku.notifications.inapp;

import io.laku.contracts.order.OrderPlaced;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Order events (topic laku.order): each customer's order. */
@ApplicationScoped
public class OrderEventsListener implements EventListener {

    static final String CHANNEL = "order-events";

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
                .on(OrderPlaced.class, notices::orderPlaced);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
