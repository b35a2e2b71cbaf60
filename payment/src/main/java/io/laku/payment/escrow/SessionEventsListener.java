package io.laku.payment.escrow;

import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import io.laku.platform.eventing.EventConsumer;
import io.laku.platform.eventing.EventHandlers;
import io.laku.platform.eventing.EventListener;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/** Session events (topic laku.session) that open, refund or release escrow. */
@ApplicationScoped
public class SessionEventsListener implements EventListener {

    static final String CHANNEL = "session-events";

    @Inject
    EventConsumer events;

    @Inject
    Escrow escrow;

    @Inject
    InvoiceWorker invoices;

    @Override
    public String channel() {
        return CHANNEL;
    }

    @Override
    public EventHandlers handlers() {
        return new EventHandlers()
                .onRun(ParticipantJoined.class, escrow::joined)
                .on(ParticipantLeft.class, escrow::left)
                .on(SessionConfirmed.class, confirmed -> escrow.outcome(UUID.fromString(confirmed.getSessionId()),
                        UUID.fromString(confirmed.getFactoryId()), SessionAccount.CONFIRMED, confirmed.getSeats()))
                .on(SessionFailed.class, failed -> escrow.outcome(UUID.fromString(failed.getSessionId()),
                        UUID.fromString(failed.getFactoryId()), SessionAccount.FAILED, failed.getSeats()))
                .on(SessionCancelled.class, cancelled -> escrow.outcome(UUID.fromString(cancelled.getSessionId()),
                        UUID.fromString(cancelled.getFactoryId()), SessionAccount.CANCELLED, cancelled.getSeats()))
                .onRun(SeatSettled.class, escrow::seatsSettled)
                .on(ProductionCompleted.class, escrow::productionCompleted);
    }

    /** Once the batch is committed, its joins are pending invoices and its ended seats invoices to expire: now. */
    @Incoming(CHANNEL)
    public Uni<Void> on(KafkaRecordBatch<String, byte[]> batch) {
        return events.consume(this, batch).invoke(invoices::nudge);
    }
}
