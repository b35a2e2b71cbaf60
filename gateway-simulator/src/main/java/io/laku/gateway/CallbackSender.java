package io.laku.gateway;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends Xendit's callbacks as Xendit does: a JSON POST with {@code x-callback-token}, retried with backoff (up to
 * {@code gateway.callback-attempts}) until the receiver answers 2xx.
 */
@ApplicationScoped
public class CallbackSender {

    private static final Logger LOG = Logger.getLogger(CallbackSender.class);

    @ConfigProperty(name = "gateway.callback-token")
    String callbackToken;

    @ConfigProperty(name = "gateway.callback-attempts")
    int callbackAttempts;

    @Inject
    ObjectMapper json;

    private final Queue<Pending> retries = new ConcurrentLinkedQueue<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    record Pending(String url, Map<String, Object> body, int attempt, Instant notBefore) {
    }

    /** Sends now, off the caller's thread; retried on failure. */
    public void send(String url, Map<String, Object> body) {
        Thread.startVirtualThread(() -> attempt(url, body, 1));
    }

    @Scheduled(every = "1s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void retry() {
        int n = retries.size();
        Instant now = Instant.now();
        for (int i = 0; i < n; i++) {
            Pending pending = retries.poll();
            if (pending == null) {
                return;
            }
            if (pending.notBefore().isAfter(now)) {
                retries.add(pending);
            } else {
                attempt(pending.url(), pending.body(), pending.attempt());
            }
        }
    }

    private void attempt(String url, Map<String, Object> body, int attempt) {
        int status;
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url))
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json")
                    .header("x-callback-token", callbackToken)
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
                    .build(), HttpResponse.BodyHandlers.ofString());
            status = response.statusCode();
        } catch (Exception e) {
            status = -1;
            LOG.warnf("Callback %s %s attempt %d failed: %s", body.get("id"), body.get("status"), attempt, e.toString());
        }
        if (status / 100 == 2) {
            LOG.infof("Callback %s %s delivered (attempt %d)", body.get("id"), body.get("status"), attempt);
        } else if (attempt < callbackAttempts) {
            long backoff = Math.min(30, 1L << Math.min(attempt, 5));
            retries.add(new Pending(url, body, attempt + 1, Instant.now().plusSeconds(backoff)));
        } else {
            LOG.errorf("Callback %s %s given up after %d attempts (last HTTP %d)", body.get("id"), body.get("status"),
                    attempt, status);
        }
    }
}
