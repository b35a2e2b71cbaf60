package io.laku.wallet.account;

import io.laku.contracts.payment.DirectPaymentRefunded;
import io.laku.contracts.payment.RefundIssued;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Payment events (topic laku.payment): a refund, of a seat's escrow or of a store order's direct payment, is credited
 * to the customer's wallet, once per refund id.
 */
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
                .onRun(RefundIssued.class, refunds -> wallets.creditAll(refunds.stream()
                        .map(refund -> new Wallets.Credit(UUID.fromString(refund.getUserId()), refund.getRefundId(),
                                refund.getAmount(), "refund:" + refund.getReason(), UUID.fromString(refund.getSessionId())))
                        .toList()))
                .on(DirectPaymentRefunded.class, refund -> wallets.creditAll(List.of(new Wallets.Credit(
                        UUID.fromString(refund.getCustomerId()), refund.getRefundId(), refund.getAmount(),
                        "refund:" + refund.getReason(), null))));
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
