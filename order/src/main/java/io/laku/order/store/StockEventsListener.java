package io.laku.order.store;

import io.laku.contracts.sellerstock.OrderStockRejected;
import io.laku.contracts.sellerstock.OrderStockReserved;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** The seller's answer to a store order (topic laku.seller-stock): reserved -> pending_payment, or rejected. */
@ApplicationScoped
public class StockEventsListener implements EventListener {

    static final String CHANNEL = "seller-stock-events";

    @Inject
    EventConsumer events;

    @Inject
    StoreOrders orders;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(OrderStockReserved.class, orders::stockReserved)
                .on(OrderStockRejected.class, orders::stockRejected);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
