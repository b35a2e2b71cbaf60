package io.laku.groupbuying.tally;

import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.payment.RefundIssued;
import io.laku.groupbuying.saga.SagaSteps;
import io.laku.platform.eventing.EventConsumer;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Payment events (topic laku.payment): the payment link, paid and released seats, and the escrow release. */
@ApplicationScoped
public class PaymentEventsListener {

    static final String CONSUMER = "group-buying.payment-events";

    @Inject
    EventConsumer events;

    @Inject
    SeatPayments seats;

    @Inject
    SagaSteps saga;

    @Incoming("payment-events")
    @Blocking
    public void on(ConsumerRecord<String, byte[]> record) {
        events.consume(CONSUMER, record, event -> switch (event.payload()) {
            case PaymentInvoiceCreated invoice -> seats.invoiceCreated(invoice);
            case PaymentPaid paid -> seats.paid(paid);
            case PaymentExpired expired -> seats.expired(expired);
            case EscrowReleased released -> saga.escrowReleased(event, released);
            case RefundIssued refund -> saga.refundIssued(event, refund);
            default -> EventConsumer.ignore();
        });
    }
}
