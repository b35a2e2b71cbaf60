package io.laku.wallet.account;

import io.laku.contracts.payment.RefundIssued;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Payment events (topic laku.payment): a refund is credited to the customer's wallet, once per refund id. */
@ApplicationScoped
public class PaymentEventsListener {

    static final String CONSUMER = "wallet.payment-events";

    @Inject
    EventConsumer events;

    @Inject
    Wallets wallets;

    @Incoming("payment-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case RefundIssued refund -> wallets.credit(UUID.fromString(refund.getUserId()), refund.getRefundId(),
                    refund.getAmount(), "refund:" + refund.getReason(), UUID.fromString(refund.getSessionId()))
                    .replaceWithVoid();
            default -> EventConsumer.ignore();
        });
    }
}
