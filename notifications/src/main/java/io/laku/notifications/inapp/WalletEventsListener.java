package io.laku.notifications.inapp;

import io.laku.contracts.wallet.WalletCredited;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Wallet events (topic laku.wallet, key = user id): refunds reaching a wallet. */
@ApplicationScoped
public class WalletEventsListener implements EventListener {

    static final String CHANNEL = "wallet-events";

    @Inject
    EventConsumer events;

    @Inject
    Notices notices;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(WalletCredited.class, notices::walletCredited);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
