package io.laku.warehouse.catalogue;

import io.laku.contracts.product.ProductConfigured;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Product events (topic laku.product): the catalogue the warehouse stocks. */
@ApplicationScoped
public class ProductEventsListener {

    static final String CONSUMER = "warehouse.product-events";

    @Inject
    EventConsumer events;

    @Inject
    Catalogue catalogue;

    @Incoming("product-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case ProductConfigured configured -> catalogue.configured(configured);
            default -> EventConsumer.ignore();
        });
    }
}
