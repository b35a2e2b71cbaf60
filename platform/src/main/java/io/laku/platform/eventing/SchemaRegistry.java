package io.laku.platform.eventing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.laku.contracts.EventCatalog;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.apache.avro.Schema;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Registers the schemas of the events this service publishes with the Apicurio registry when it starts
 * (one artifact per event type, BACKWARD compatibility enforced on each) and remembers each schema's
 * content id, which the outbox payload carries. Registering up front keeps registry I/O off the
 * request path and makes an incompatible schema change fail the deployment, not a business call.
 */
@ApplicationScoped
public class SchemaRegistry {

    private static final Logger LOG = Logger.getLogger(SchemaRegistry.class);

    @ConfigProperty(name = "laku.registry.url")
    String registryUrl;

    @ConfigProperty(name = "laku.registry.group")
    String group;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "laku.registry.startup-timeout", defaultValue = "PT60S")
    Duration startupTimeout;

    @Inject
    ObjectMapper json;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Map<String, Long> contentIds = new ConcurrentHashMap<>();

    void onStart(@Observes StartupEvent start) {
        Instant deadline = Instant.now().plus(startupTimeout);
        // one virtual thread per schema: start-up waits for the slowest registration, not for their sum
        try (ExecutorService registrations = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> pending = EventCatalog.schemasPublishedBy(service).stream()
                    .<Future<?>>map(schema -> registrations.submit(
                            () -> contentIds.put(schema.getFullName(), registerUntil(deadline, schema))))
                    .toList();
            for (Future<?> registration : pending) {
                registration.get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while registering schemas", e);
        }
        LOG.infof("Registered %d event schemas with %s", contentIds.size(), registryUrl);
    }

    /** The registry content id of an event type's schema (registered at start-up). */
    public long contentIdOf(Schema schema) {
        Long id = contentIds.get(schema.getFullName());
        if (id == null) {
            throw new IllegalStateException(schema.getFullName() + " is not published by " + service + " (see EventCatalog)");
        }
        return id;
    }

    private long registerUntil(Instant deadline, Schema schema) {
        while (true) {
            try {
                long contentId = register(schema);
                requireBackwardCompatibility(schema.getFullName());
                return contentId;
            } catch (RegistryRejected e) {
                throw e;
            } catch (IOException | RuntimeException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("Schema registry at " + registryUrl + " unreachable", e);
                }
                LOG.warnf("Registry not ready (%s); retrying", e.getMessage());
                pause();
            }
        }
    }

    private long register(Schema schema) throws IOException {
        Map<String, Object> body = Map.of(
                "artifactId", schema.getFullName(),
                "artifactType", "AVRO",
                "firstVersion", Map.of("content", Map.of("content", schema.toString(), "contentType", "application/json")));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/groups/%s/artifacts?ifExists=FIND_OR_CREATE_VERSION", group))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body))));
        if (response.statusCode() / 100 != 2) {
            throw new RegistryRejected("The registry refused schema " + schema.getFullName() + " (" + response.statusCode()
                    + "): " + response.body());
        }
        JsonNode version = json.readTree(response.body()).path("version");
        return version.path("contentId").asLong();
    }

    private void requireBackwardCompatibility(String artifactId) throws IOException {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri("/groups/%s/artifacts/%s/rules", group, artifactId))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}")));
        if (response.statusCode() / 100 != 2 && response.statusCode() != 409) {
            throw new RegistryRejected("Could not set BACKWARD compatibility on " + artifactId + ": " + response.body());
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException {
        try {
            return http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
    }

    private URI uri(String pathFormat, Object... args) {
        Object[] encoded = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            encoded[i] = URLEncoder.encode(args[i].toString(), StandardCharsets.UTF_8);
        }
        return URI.create(registryUrl + String.format(pathFormat, encoded));
    }

    private static void pause() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static final class RegistryRejected extends IllegalStateException {
        RegistryRejected(String message) {
            super(message);
        }
    }
}
