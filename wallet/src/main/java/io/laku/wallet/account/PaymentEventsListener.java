package io.laku.wallet.account;

import io.laku.contracts.payment.RefundIssued;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Payment events (topic laku.payment): a refund is credited to the customer's wallet, once per refund id. */
@ApplicationScoped
public class PaymentEventsListener implements EventListener {

    static final String CHANNEL = "payment-events";

    @Inject
    EventConsumer events;

    @Inject
    Wallets wallets;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .on(RefundIssued.class, refund -> wallets.credit(UUID.fromString(refund.getUserId()), refund.getRefundId(),
                        refund.getAmount(), "refund:" + refund.getReason(), UUID.fromString(refund.getSessionId()))
                        .replaceWithVoid());
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
