package io.laku.order.placement;

import io.laku.contracts.fulfilment.StockReserved;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Warehouse events (topic laku.fulfilment): the session's whole demand is held. Purchase orders are not order's. */
@ApplicationScoped
public class FulfilmentEventsListener {

    static final String CONSUMER = "order.fulfilment-events";

    @Inject
    EventConsumer events;

    @Inject
    OrderPlacement placement;

    @Incoming("fulfilment-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case StockReserved reserved -> placement.stockReserved(reserved);
            default -> EventConsumer.ignore();
        });
    }
}
