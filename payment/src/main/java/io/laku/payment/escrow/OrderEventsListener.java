package io.laku.payment.escrow;

import io.laku.contracts.order.OrdersCreated;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Order events (topic laku.order): the escrow is released only once the session's orders exist. */
@ApplicationScoped
public class OrderEventsListener implements EventListener {

    static final String CHANNEL = "order-events";

    @Inject
    EventConsumer events;

    @Inject
    Escrow escrow;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(OrdersCreated.class, created -> escrow.ordersCreated(UUID.fromString(created.getSessionId()),
                        created.getOrderCount()));
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
