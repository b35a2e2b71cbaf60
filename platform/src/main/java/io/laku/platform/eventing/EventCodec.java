package io.laku.platform.eventing;

import io.apicurio.registry.rest.client.models.ProblemDetails;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ConnectException;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.TimeoutException;
import java.nio.ByteBuffer;
import java.util.Map;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Event payloads on the wire: the Apicurio/Confluent framing (magic byte 0, the schema's 4-byte
 * registry content id, then Avro binary). That is what the outbox stores and Debezium publishes
 * unchanged, so any consumer using Apicurio's {@code AvroKafkaDeserializer} reads Laku's topics.
 */
@ApplicationScoped
public class EventCodec {

    private static final byte MAGIC_BYTE = 0;

    @Inject
    SchemaRegistry registry;

    @ConfigProperty(name = "laku.registry.url")
    String registryUrl;

    private AvroKafkaDeserializer<SpecificRecord> deserializer;

    public byte[] encode(SpecificRecord event) {
        long contentId = registry.contentIdOf(event.getSchema());
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(MAGIC_BYTE);
            out.write(ByteBuffer.allocate(4).putInt((int) contentId).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Reads a payload back into its generated class. May call the registry the first time it meets a content id
     * (then cached), so call it off the event loop.
     *
     * @throws PoisonEventException when the bytes are not a readable Laku event, or the registry answered that it does
     *     not know the schema
     * @throws SchemaUnavailableException when the registry could not be asked (down, unreachable, 5xx): try again
     */
    public SpecificRecord decode(String topic, byte[] payload) {
        if (payload == null || payload.length < 5 || payload[0] != MAGIC_BYTE) {
            throw new PoisonEventException("payload is not a registry-framed Avro record (magic byte 0 and a 4-byte "
                    + "content id)");
        }
        int contentId = ByteBuffer.wrap(payload, 1, 4).getInt();
        Object value;
        try {
            value = deserializer().deserialize(topic, payload);
        } catch (RuntimeException e) {
            throw classify(contentId, e);
        }
        if (value instanceof SpecificRecord record) {
            return record;
        }
        throw new PoisonEventException("payload with content id " + contentId + " decoded to "
                + (value == null ? "null" : value.getClass().getName()) + ", not a known event class");
    }

    /** The registry answered "unknown" (poison), could not be reached (retry), or the bytes are not Avro (poison). */
    private static RuntimeException classify(int contentId, RuntimeException failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof ProblemDetails problem) {
                Integer status = problem.getStatus() != null ? problem.getStatus() : problem.getResponseStatusCode();
                return status != null && status == 404
                        ? new PoisonEventException("the registry does not know the schema with content id " + contentId, failure)
                        : new SchemaUnavailableException("the registry answered " + status + " for content id " + contentId, failure);
            }
            if (cause instanceof ConnectException || cause instanceof SocketException || cause instanceof TimeoutException
                    || cause instanceof HttpTimeoutException || cause instanceof UnknownHostException) {
                return new SchemaUnavailableException("the registry is unreachable for content id " + contentId + ": "
                        + cause.getMessage(), failure);
            }
        }
        Throwable root = rootCause(failure);
        return new PoisonEventException("payload with content id " + contentId + " cannot be decoded: "
                + root.getClass().getSimpleName() + ": " + root.getMessage(), failure);
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root;
    }

    private synchronized AvroKafkaDeserializer<SpecificRecord> deserializer() {
        if (deserializer == null) {
            AvroKafkaDeserializer<SpecificRecord> created = new AvroKafkaDeserializer<>();
            created.configure(Map.of(
                    SchemaResolverConfig.REGISTRY_URL, registryUrl,
                    AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
            deserializer = created;
        }
        return deserializer;
    }

    @PreDestroy
    synchronized void close() {
        if (deserializer != null) {
            deserializer.close();
        }
    }
}
