package io.laku.notifications.inapp;

import io.laku.contracts.settlement.PayoutCompleted;
import io.laku.contracts.settlement.PayoutFailed;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Settlement events (topic laku.settlement, key = payee id): a payee is told of its payouts. */
@ApplicationScoped
public class SettlementEventsListener implements EventListener {

    static final String CHANNEL = "settlement-events";

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
                .on(PayoutCompleted.class, notices::payoutCompleted)
                .on(PayoutFailed.class, notices::payoutFailed);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
