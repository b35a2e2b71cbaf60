package io.laku.notifications.inapp;

import io.laku.contracts.wallet.WalletCredited;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Wallet events (topic laku.wallet, key = user id): refunds reaching a wallet. */
@ApplicationScoped
public class WalletEventsListener {

    static final String CONSUMER = "notifications.wallet-events";

    @Inject
    EventConsumer events;

    @Inject
    Notices notices;

    @Incoming("wallet-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case WalletCredited credited -> notices.walletCredited(event, credited);
            default -> EventConsumer.ignore();
        });
    }
}
