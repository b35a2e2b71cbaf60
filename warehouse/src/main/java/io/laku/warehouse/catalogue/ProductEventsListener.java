package io.laku.warehouse.catalogue;

import io.laku.contracts.product.ProductConfigured;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Product events (topic laku.product): the catalogue the warehouse stocks. */
@ApplicationScoped
public class ProductEventsListener implements EventListener {

    static final String CHANNEL = "product-events";

    @Inject
    EventConsumer events;

    @Inject
    Catalogue catalogue;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(ProductConfigured.class, catalogue::configured);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
