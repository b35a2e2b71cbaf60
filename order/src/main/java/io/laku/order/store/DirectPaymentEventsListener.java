package io.laku.order.store;

import io.laku.contracts.payment.DirectPaymentCreated;
import io.laku.contracts.payment.DirectPaymentExpired;
import io.laku.contracts.payment.DirectPaymentPaid;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * A store order's direct payment (topic laku.payment): its link, paid, or expired (the order is cancelled). The escrow
 * events on the same topic ask nothing of orders and are skipped from their header.
 */
@ApplicationScoped
public class DirectPaymentEventsListener implements EventListener {

    static final String CHANNEL = "payment-events";

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
                .on(DirectPaymentCreated.class, orders::paymentCreated)
                .on(DirectPaymentPaid.class, orders::paymentPaid)
                .on(DirectPaymentExpired.class, orders::paymentExpired);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
