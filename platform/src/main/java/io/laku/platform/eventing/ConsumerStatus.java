package io.laku.platform.eventing;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the service's consumers are doing right now: which partitions wait on a failing batch, since when and why.
 * The readiness check and the metrics read it; the consumer writes it.
 */
@ApplicationScoped
public class ConsumerStatus {

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "laku.consumer.stalled-after", defaultValue = "PT30S")
    Duration stalledAfter;

    Clock clock = Clock.systemUTC();

    private final Map<Attempts, Boolean> retrying = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> retryingByConsumer = new ConcurrentHashMap<>();
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    /** A batch of records from some partitions, as it is tried until it is applied. */
    public final class Attempts {
        private final String consumer;
        private final List<String> partitions;
        private final Map<String, Integer> failuresByEvent = new ConcurrentHashMap<>();
        private final AtomicLong failures = new AtomicLong();
        private volatile Instant since;
        private volatile String lastFailure;
        private volatile FailureKind lastKind;

        private Attempts(String consumer, List<String> partitions) {
            this.consumer = consumer;
            this.partitions = partitions;
        }

        public String consumer() {
            return consumer;
        }

        public List<String> partitions() {
            return partitions;
        }

        public long failures() {
            return failures.get();
        }

        public Instant since() {
            return since;
        }

        public String lastFailure() {
            return lastFailure;
        }

        public FailureKind lastKind() {
            return lastKind;
        }

        /** Records a failed attempt of the whole batch; the first one puts the partitions on the retrying list. */
        long failed(Throwable failure, FailureKind kind) {
            lastFailure = describe(failure);
            lastKind = kind;
            if (failures.incrementAndGet() == 1) {
                since = clock.instant();
                retrying.put(this, Boolean.TRUE);
                retryingByConsumer.computeIfAbsent(consumer, c -> gauge(c)).incrementAndGet();
            }
            count(consumer, "retried");
            return failures.get();
        }

        /** How often this event has failed in a row (for deterministic failures). */
        int failedEvent(String eventId) {
            return failuresByEvent.merge(eventId, 1, Integer::sum);
        }

        Duration retryingFor() {
            return since == null ? Duration.ZERO : Duration.between(since, clock.instant());
        }

        /** The batch is applied (or left for redelivery at shutdown): off the retrying list. */
        void done() {
            if (retrying.remove(this) != null) {
                retryingByConsumer.get(consumer).decrementAndGet();
            }
        }
    }

    public Attempts start(String consumer, List<String> partitions) {
        return new Attempts(consumer, partitions);
    }

    /** Batches that failed at least once and are still being retried. */
    public List<Attempts> retrying() {
        return List.copyOf(retrying.keySet());
    }

    /** Retrying for longer than {@code laku.consumer.stalled-after}: the readiness check reports DOWN. */
    public boolean stalled(Attempts attempts) {
        return attempts.retryingFor().compareTo(stalledAfter) > 0;
    }

    public Duration stalledAfter() {
        return stalledAfter;
    }

    /** Counts one event's outcome ({@code laku_consumer_events_total{consumer,outcome}}). */
    public void count(String consumer, String outcome) {
        counters.computeIfAbsent(consumer + "|" + outcome, key -> Counter.builder("laku.consumer.events")
                .description("Events by what the consumer did with them (applied, duplicate, not_handled, "
                        + "dead_lettered, retried batches)")
                .tag("consumer", consumer).tag("outcome", outcome).register(metrics)).increment();
    }

    private AtomicInteger gauge(String consumer) {
        AtomicInteger value = new AtomicInteger();
        Gauge.builder("laku.consumer.retrying.batches", value, AtomicInteger::get)
                .description("Batches of this consumer waiting on a failure (their partitions are stalled until applied)")
                .tag("consumer", consumer).register(metrics);
        return value;
    }

    static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String top = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? top : top + " (cause: " + root.getClass().getSimpleName() + ": " + root.getMessage() + ")";
    }
}
