package io.laku.notifications.inapp;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Fulfilment events (topic laku.fulfilment): purchase orders to the factory, by notice and WhatsApp. */
@ApplicationScoped
public class FulfilmentEventsListener implements EventListener {

    static final String CHANNEL = "fulfilment-events";

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
                .on(PurchaseOrderCreated.class, notices::purchaseOrderCreated)
                .on(PurchaseOrderReceived.class, notices::purchaseOrderReceived);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
