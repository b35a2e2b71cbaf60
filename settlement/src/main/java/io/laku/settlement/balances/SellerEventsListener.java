package io.laku.settlement.balances;

import io.laku.contracts.seller.SellerRegistered;
import io.laku.contracts.seller.SellerVerified;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Seller events (topic laku.seller): sellers become payees with their bank accounts and fees. */
@ApplicationScoped
public class SellerEventsListener implements EventListener {

    static final String CHANNEL = "seller-events";

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
                .on(SellerRegistered.class, credits::sellerRegistered)
                .on(SellerVerified.class, credits::sellerVerified);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
