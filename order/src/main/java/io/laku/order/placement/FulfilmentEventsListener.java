package io.laku.order.placement;

import io.laku.contracts.fulfilment.StockReserved;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Warehouse events (topic laku.fulfilment): the session's whole demand is held. Purchase orders are not order's. */
@ApplicationScoped
public class FulfilmentEventsListener implements EventListener {

    static final String CHANNEL = "fulfilment-events";

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
                .on(StockReserved.class, placement::stockReserved);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
