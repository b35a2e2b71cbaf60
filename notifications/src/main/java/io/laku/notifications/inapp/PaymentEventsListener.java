package io.laku.notifications.inapp;

import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Payment events (topic laku.payment): the payment link (or that it could not be made), the payment, the factory's payout. */
@ApplicationScoped
public class PaymentEventsListener implements EventListener {

    static final String CHANNEL = "payment-events";

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
                .on(PaymentInvoiceCreated.class, notices::paymentLink)
                .on(PaymentPaid.class, notices::paymentReceived)
                .on(PaymentExpired.class, notices::paymentExpired)
                .on(EscrowReleased.class, notices::escrowReleased);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
