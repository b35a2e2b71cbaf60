package io.laku.seller.stock;

import io.laku.contracts.order.StoreOrderCancelled;
import io.laku.contracts.order.StoreOrderPlaced;
import io.laku.contracts.order.StoreOrderShipped;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Store order events (topic laku.order): placed reserves, cancelled releases, shipped deducts. */
@ApplicationScoped
public class OrderEventsListener implements EventListener {

    static final String CHANNEL = "order-events";

    @Inject
    EventConsumer events;

    @Inject
    Reservations reservations;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(StoreOrderPlaced.class, reservations::placed)
                .on(StoreOrderCancelled.class, reservations::cancelled)
                .on(StoreOrderShipped.class, reservations::shipped);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
