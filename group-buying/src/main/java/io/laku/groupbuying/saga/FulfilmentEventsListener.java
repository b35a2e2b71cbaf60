package io.laku.groupbuying.saga;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrdersCreated;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Warehouse and order events (topics laku.fulfilment, laku.order) that move the session's status. */
@ApplicationScoped
public class FulfilmentEventsListener implements EventListener {

    static final String CHANNEL = "fulfilment-events";

    @Inject
    EventConsumer events;

    @Inject
    SagaSteps saga;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(StockReserved.class, saga::stockReserved)
                .on(PurchaseOrderCreated.class, saga::purchaseOrderCreated)
                .on(PurchaseOrderReceived.class, saga::purchaseOrderReceived)
                .on(OrdersCreated.class, saga::ordersCreated);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
