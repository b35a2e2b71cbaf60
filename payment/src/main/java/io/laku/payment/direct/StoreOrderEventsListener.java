package io.laku.payment.direct;

import io.laku.contracts.order.StoreOrderCancelled;
import io.laku.contracts.order.StoreOrderConfirmed;
import io.laku.contracts.order.StoreOrderShipped;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Store order events (topic laku.order, in a consumer group of their own: the escrow's order-events channel reads the
 * same topic in group payment): confirmed opens a direct payment, cancelled closes or refunds it, shipped settles it.
 */
@ApplicationScoped
public class StoreOrderEventsListener implements EventListener {

    static final String CHANNEL = "store-order-events";

    @Inject
    EventConsumer events;

    @Inject
    DirectPayments payments;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(StoreOrderConfirmed.class, payments::confirmed)
                .on(StoreOrderCancelled.class, payments::cancelled)
                .on(StoreOrderShipped.class, payments::shipped);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
