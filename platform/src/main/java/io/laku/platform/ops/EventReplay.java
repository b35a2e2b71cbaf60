package io.laku.platform.ops;

import io.laku.platform.eventing.EventListener;
import io.laku.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Re-applies exactly one range of a topic through this service's own handlers and inbox: read on a throwaway consumer
 * (the live group keeps its offsets), applied in chunks as the live consumer applies a batch.
 */
@ApplicationScoped
public class EventReplay {

    private static final Logger LOG = Logger.getLogger(EventReplay.class);
    private static final int CHUNK = 200;
    private static final int FAILURES_LISTED = 100;

    /** Where to start on one partition. */
    public record FromOffset(Integer partition, Long offset) {
    }

    /** {@code from} (every partition) or {@code fromOffset} (one); {@code to} optional; {@code dryRun} changes nothing. */
    public record Request(String topic, Instant from, FromOffset fromOffset, Instant to, boolean dryRun) {
    }

    public record Failure(int partition, long offset, String eventId, String eventType, String reason) {
    }

    public record Report(String service, String topic, boolean dryRun, List<TopicReader.Range> ranges, long read,
            long applied, long alreadyApplied, long skipped, long failed, List<Failure> failures) {
    }

    @Inject
    ConsumedTopics topics;

    @Inject
    TopicReader reader;

    @Inject
    Applying applying;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public Report replay(Request request) {
        if (request == null || request.topic() == null || request.topic().isBlank()) {
            throw ProblemException.invalid("topic", "the topic to replay is required");
        }
        List<EventListener> listeners = topics.of(request.topic());
        if (listeners.isEmpty()) {
            throw ProblemException.invalid("topic", service + " does not consume " + request.topic() + " (it consumes "
                    + String.join(", ", topics.byTopic().keySet()) + ")");
        }
        if ((request.from() == null) == (request.fromOffset() == null)) {
            throw ProblemException.invalid("from", "give exactly one of from (a time) and fromOffset (a partition and offset)");
        }
        if (request.fromOffset() != null && (request.fromOffset().partition() == null || request.fromOffset().offset() == null
                || request.fromOffset().partition() < 0 || request.fromOffset().offset() < 0)) {
            throw ProblemException.invalid("fromOffset", "fromOffset needs a partition and an offset, both >= 0");
        }
        if (request.from() != null && request.to() != null && request.to().isBefore(request.from())) {
            throw ProblemException.invalid("to", "to " + request.to() + " is before from " + request.from());
        }

        long[] counts = new long[5];
        List<Failure> failures = new ArrayList<>();
        List<TopicReader.Range> ranges;
        try (KafkaConsumer<String, byte[]> consumer = reader.throwaway()) {
            int partitions = reader.partitions(consumer, request.topic());
            if (request.fromOffset() != null && request.fromOffset().partition() >= partitions) {
                throw ProblemException.invalid("fromOffset", request.topic() + " has " + partitions + " partitions");
            }
            ranges = reader.ranges(consumer, request.topic(), partitions, request.from(),
                    request.fromOffset() == null ? null : request.fromOffset().partition(),
                    request.fromOffset() == null ? null : request.fromOffset().offset(), request.to());
            reader.read(consumer, request.topic(), ranges, CHUNK, chunk -> {
                for (Applying.Applied applied : applying.apply(listeners, chunk, request.dryRun())) {
                    counts[0]++;
                    switch (applied.result()) {
                        case APPLIED, WOULD_APPLY -> counts[1]++;
                        case ALREADY_APPLIED -> counts[2]++;
                        case NOT_HANDLED -> counts[3]++;
                        case POISON -> {
                            counts[4]++;
                            if (failures.size() < FAILURES_LISTED) {
                                failures.add(new Failure(applied.record().partition(), applied.record().offset(),
                                        applied.eventId(), applied.eventType(), applied.reason()));
                            }
                        }
                    }
                }
            });
        }
        Report report = new Report(service, request.topic(), request.dryRun(), ranges, counts[0], counts[1], counts[2],
                counts[3], counts[4], failures);
        LOG.infof("Replay of %s %s for ops%s: %d records, %d %s, %d already applied, %d skipped, %d failed",
                request.topic(), ranges, request.dryRun() ? " (dry run)" : "", report.read(), report.applied(),
                request.dryRun() ? "to apply" : "applied", report.alreadyApplied(), report.skipped(), report.failed());
        return report;
    }

}
