package io.laku.groupbuying.saga;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderReceived;
import io.laku.contracts.fulfilment.StockReserved;
import io.laku.contracts.order.OrdersCreated;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Warehouse and order events (topics laku.fulfilment, laku.order) that move the session's status. */
@ApplicationScoped
public class FulfilmentEventsListener {

    static final String CONSUMER = "group-buying.fulfilment-events";

    @Inject
    EventConsumer events;

    @Inject
    SagaSteps saga;

    @Incoming("fulfilment-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case StockReserved reserved -> saga.stockReserved(event, reserved);
            case PurchaseOrderCreated po -> saga.purchaseOrderCreated(event, po);
            case PurchaseOrderReceived received -> saga.purchaseOrderReceived(event, received);
            case OrdersCreated orders -> saga.ordersCreated(event, orders);
            default -> EventConsumer.ignore();
        });
    }
}
