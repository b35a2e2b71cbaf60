package io.laku.payment.escrow;

import io.laku.contracts.order.OrdersCreated;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Order events (topic laku.order): the escrow is released only once the session's orders exist. */
@ApplicationScoped
public class OrderEventsListener {

    static final String CONSUMER = "payment.order-events";

    @Inject
    EventConsumer events;

    @Inject
    Escrow escrow;

    @Incoming("order-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case OrdersCreated created -> escrow.ordersCreated(UUID.fromString(created.getSessionId()),
                    created.getOrders().size());
            default -> EventConsumer.ignore();
        });
    }
}
