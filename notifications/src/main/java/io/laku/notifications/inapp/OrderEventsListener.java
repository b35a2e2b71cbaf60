package io.laku.notifications.inapp;

import io.laku.contracts.order.OrdersCreated;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Order events (topic laku.order): each customer's order. */
@ApplicationScoped
public class OrderEventsListener {

    static final String CONSUMER = "notifications.order-events";

    @Inject
    EventConsumer events;

    @Inject
    Notices notices;

    @Incoming("order-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case OrdersCreated created -> notices.ordersCreated(event, created);
            default -> EventConsumer.ignore();
        });
    }
}
