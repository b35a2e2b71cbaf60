package io.laku.notifications.inapp;

import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Payment events (topic laku.payment): the payment link, the payment, the factory's payout. */
@ApplicationScoped
public class PaymentEventsListener {

    static final String CONSUMER = "notifications.payment-events";

    @Inject
    EventConsumer events;

    @Inject
    Notices notices;

    @Incoming("payment-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case PaymentInvoiceCreated invoice -> notices.paymentLink(event, invoice);
            case PaymentPaid paid -> notices.paymentReceived(event, paid);
            case EscrowReleased released -> notices.escrowReleased(event, released);
            default -> EventConsumer.ignore();
        });
    }
}
