package io.laku.notifications.inapp;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Fulfilment events (topic laku.fulfilment): purchase orders to the factory, by notice and WhatsApp. */
@ApplicationScoped
public class FulfilmentEventsListener {

    static final String CONSUMER = "notifications.fulfilment-events";

    @Inject
    EventConsumer events;

    @Inject
    Notices notices;

    @Incoming("fulfilment-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case PurchaseOrderCreated order -> notices.purchaseOrderCreated(event, order);
            case PurchaseOrderReceived received -> notices.purchaseOrderReceived(event, received);
            default -> EventConsumer.ignore();
        });
    }
}
