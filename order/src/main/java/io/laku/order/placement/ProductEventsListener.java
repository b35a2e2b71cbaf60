package io.laku.order.placement;

import io.laku.contracts.product.ProductConfigured;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Product events (topic laku.product): the names orders' snapshots show. */
@ApplicationScoped
public class ProductEventsListener {

    static final String CONSUMER = "order.product-events";

    @Inject
    EventConsumer events;

    @Inject
    ProductCatalogue catalogue;

    @Incoming("product-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case ProductConfigured configured -> catalogue.configured(configured);
            default -> EventConsumer.ignore();
        });
    }
}
