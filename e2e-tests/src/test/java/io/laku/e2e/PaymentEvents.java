package io.laku.e2e;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentInvoiceCreated;
import io.laku.contracts.payment.PaymentPaid;
import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the payment events the payment service will publish, exactly as its outbox would: on laku.payment, keyed
 * by the session id, registry-framed Avro (schema registered in group laku under its full name), headers id,
 * eventType, traceId.
 */
final class PaymentEvents {

    private static final Map<String, Integer> CONTENT_IDS = new ConcurrentHashMap<>();

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
        ProducerRecord<String, byte[]> record = new ProducerRecord<>("laku.payment", key.toString(), encode(event));
        record.headers().add("id", UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add("eventType", event.getSchema().getName().getBytes(StandardCharsets.UTF_8));
        record.headers().add("traceId", UUID.randomUUID().toString().replace("-", "").getBytes(StandardCharsets.UTF_8));
        return Topics.send(record);
    }

    private static byte[] encode(SpecificRecord event) {
        int contentId = CONTENT_IDS.computeIfAbsent(event.getSchema().getFullName(), name -> register(event));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(contentId).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int register(SpecificRecord event) {
        String name = event.getSchema().getFullName();
        Map<String, Object> body = Map.of("artifactId", name, "artifactType", "AVRO", "firstVersion",
                Map.of("content", Map.of("content", event.getSchema().toString(), "contentType", "application/json")));
        return RestAssured.given().contentType("application/json").body(body)
                .post(Platform.REGISTRY + "/groups/laku/artifacts?ifExists=FIND_OR_CREATE_VERSION")
                .then().statusCode(200).extract().path("version.contentId");
    }
}
