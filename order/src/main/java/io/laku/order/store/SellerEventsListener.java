package io.laku.order.store;

import io.laku.contracts.seller.SellerProductListed;
import io.laku.contracts.seller.SellerRegistered;
import io.laku.contracts.seller.SellerSuspended;
import io.laku.contracts.seller.SellerVerified;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Seller events (topic laku.seller): which stores sell, and their variants and prices, for the checkout. */
@ApplicationScoped
public class SellerEventsListener implements EventListener {

    static final String CHANNEL = "seller-events";

    @Inject
    EventConsumer events;

    @Inject
    StoreCatalogue catalogue;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(SellerRegistered.class, catalogue::registered)
                .on(SellerVerified.class, catalogue::verified)
                .on(SellerSuspended.class, catalogue::suspended)
                .on(SellerProductListed.class, catalogue::listed);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
