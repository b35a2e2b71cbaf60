package io.laku.settlement.balances;

import io.laku.contracts.order.StoreOrderShipped;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Store order events (topic laku.order): a shipped order credits its seller total - fee. */
@ApplicationScoped
public class OrderEventsListener implements EventListener {

    static final String CHANNEL = "order-events";

    @Inject
    EventConsumer events;

    @Inject
    Credits credits;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(StoreOrderShipped.class, credits::orderShipped);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
