package io.laku.e2e;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the payment events the payment service will publish, exactly as its outbox would: on laku.payment, keyed
 * by the session id, registry-framed Avro (schema registered in group laku under its full name), headers id,
 * eventType, traceId.
 */
final class PaymentEvents {


    private PaymentEvents() {
    }

    static RecordMetadata paid(UUID session, UUID participant, UUID user, long amount) {
        return publish(session, PaymentPaid.newBuilder()
                .setSessionId(session.toString())
                .setParticipantId(participant.toString())
                .setPaymentId(UUID.randomUUID().toString())
                .setUserId(user.toString())
                .setAmount(amount)
                .setPaidAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build());
    }

    static RecordMetadata expired(UUID session, UUID participant, UUID user) {
        return publish(session, PaymentExpired.newBuilder()
                .setSessionId(session.toString())
                .setParticipantId(participant.toString())
                .setPaymentId(UUID.randomUUID().toString())
                .setUserId(user.toString())
                .setExpiredAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build());
    }

    static RecordMetadata invoiceCreated(UUID session, UUID participant, UUID user, long amount, String url) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        return publish(session, PaymentInvoiceCreated.newBuilder()
                .setSessionId(session.toString())
                .setParticipantId(participant.toString())
                .setPaymentId(UUID.randomUUID().toString())
                .setUserId(user.toString())
                .setAmount(amount)
                .setInvoiceUrl(url)
                .setExpiresAt(now.plus(1, ChronoUnit.DAYS))
                .setCreatedAt(now)
                .build());
    }

    static RecordMetadata publish(UUID key, SpecificRecord event) {
        return Events.publish("laku.payment", key.toString(), event);
    }


}
