package io.laku.ops.kafka;

import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.apache.avro.generic.GenericRecord;

/**
 * Reads a Laku payload (registry-framed Avro) into its generated class, or into a generic record for an event type
 * this build does not know yet (a schema added after it), so a new topic's events are still shown.
 */
public final class EventDecoder implements AutoCloseable {

    /** A payload read back, or why it could not be. */
    public sealed interface Decoded {
    }

    public record Event(GenericRecord record) implements Decoded {
    }

    public record Unreadable(String reason) implements Decoded {
    }

    private final String registry;
    private final boolean reachable;
    private AvroKafkaDeserializer<Object> deserializer;

    private EventDecoder(String registry, boolean reachable) {
        this.registry = registry;
        this.reachable = reachable;
    }

    /** A decoder, after checking the registry answers ({@link #reachable()} tells, so callers can say so). */
    public static EventDecoder forRegistry(String registryUrl) {
        return new EventDecoder(registryUrl, answers(registryUrl));
    }

    public boolean reachable() {
        return reachable;
    }

    public String registry() {
        return registry;
    }

    private static boolean answers(String registryUrl) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build()) {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(registryUrl + "/system/info"))
                    .timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() / 100 == 2;
        } catch (Exception e) {
            return false;
        }
    }

    public Decoded decode(String topic, byte[] payload) {
        if (!reachable) {
            return new Unreadable("not decoded: the registry at " + registry + " is down");
        }
        if (payload == null || payload.length < 5 || payload[0] != 0) {
            return new Unreadable("not a registry-framed Avro record");
        }
        try {
            Object value = deserializer().deserialize(topic, payload);
            return value instanceof GenericRecord record ? new Event(record)
                    : new Unreadable("decoded to " + (value == null ? "null" : value.getClass().getSimpleName()));
        } catch (RuntimeException e) {
            return new Unreadable("cannot be decoded: " + e.getMessage());
        }
    }

    private synchronized AvroKafkaDeserializer<Object> deserializer() {
        if (deserializer == null) {
            AvroKafkaDeserializer<Object> created = new AvroKafkaDeserializer<>();
            created.configure(Map.of(SchemaResolverConfig.REGISTRY_URL, registry,
                    AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true), false);
            deserializer = created;
        }
        return deserializer;
    }

    @Override
    public synchronized void close() {
        if (deserializer != null) {
            deserializer.close();
        }
    }
}
