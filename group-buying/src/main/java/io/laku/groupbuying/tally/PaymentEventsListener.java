package io.laku.groupbuying.tally;

import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.payment.RefundIssued;
import io.laku.groupbuying.saga.SagaSteps;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Payment events (topic laku.payment): the payment link, paid and released seats, and the escrow release. */
@ApplicationScoped
public class PaymentEventsListener implements EventListener {

    static final String CHANNEL = "payment-events";

    @Inject
    EventConsumer events;

    @Inject
    SeatPayments seats;

    @Inject
    SagaSteps saga;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .onRun(PaymentInvoiceCreated.class, seats::invoicesCreated)
                .on(PaymentPaid.class, seats::paid)
                .on(PaymentExpired.class, seats::expired)
                .on(EscrowReleased.class, saga::escrowReleased)
                .on(RefundIssued.class, saga::refundIssued);
    }

    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch);
    }
}
