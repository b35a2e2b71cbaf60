package io.laku.platform.ops;

import io.laku.platform.eventing.EventListener;
import io.laku.platform.eventing.EventRecord;
import io.laku.platform.web.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Applies dead letters of this service (records on {@code laku.dlq.<service>}, named by their place there) through the
 * handlers and inbox of the listener of their original topic, as the record it was: the original topic, partition,
 * offset, key, value and headers that SmallRye's dead-letter strategy kept. A dead letter is never changed or
 * removed: ops records the outcome (the {@code ./laku events} command line writes it to {@code laku.ops.redrives}).
 */
@ApplicationScoped
public class DeadLetterRedrive {

    private static final Logger LOG = Logger.getLogger(DeadLetterRedrive.class);
    private static final int MOST = 1_000;

    public record Coordinates(Integer partition, Long offset) {
    }

    public record Request(List<Coordinates> deadLetters) {
    }

    /** {@code outcome}: applied, already_applied, skipped (a type no listener applies) or failed (with the reason). */
    public record Result(int partition, long offset, String eventId, String eventType, String originalTopic,
            String outcome, String reason) {
    }

    public record Report(String service, List<Result> results) {
    }

    @Inject
    ConsumedTopics topics;

    @Inject
    TopicReader reader;

    @Inject
    Applying applying;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    public Report redrive(Request request) {
        if (request == null || request.deadLetters() == null || request.deadLetters().isEmpty()) {
            throw ProblemException.invalid("deadLetters", "name the dead letters to redrive: [{partition, offset}, ...]");
        }
        if (request.deadLetters().size() > MOST) {
            throw ProblemException.invalid("deadLetters", "at most " + MOST + " dead letters at a time");
        }
        for (Coordinates c : request.deadLetters()) {
            if (c == null || c.partition() == null || c.offset() == null || c.partition() < 0 || c.offset() < 0) {
                throw ProblemException.invalid("deadLetters", "every dead letter needs a partition and an offset, both >= 0");
            }
        }
        String dlq = "laku.dlq." + service;
        List<Map.Entry<Integer, Long>> wanted = request.deadLetters().stream()
                .map(c -> Map.entry(c.partition(), c.offset())).toList();
        Map<String, Result> results = new LinkedHashMap<>();
        wanted.forEach(c -> results.put(c.getKey() + "@" + c.getValue(), new Result(c.getKey(), c.getValue(), null, null,
                null, "failed", "no record at " + dlq + " " + c.getKey() + "@" + c.getValue())));
        try (KafkaConsumer<String, byte[]> consumer = reader.throwaway()) {
            if (reader.partitions(consumer, dlq) == 0) {
                throw ProblemException.notFound("Dead-letter topic", dlq);
            }
            for (ConsumerRecord<String, byte[]> letter : reader.at(consumer, dlq, wanted)) {
                results.put(letter.partition() + "@" + letter.offset(), redrive(letter));
            }
        }
        return new Report(service, List.copyOf(results.values()));
    }

    private Result redrive(ConsumerRecord<String, byte[]> letter) {
        EventRecord original = original(letter);
        String id = original.header("id");
        String type = original.header("eventType");
        if (original.topic() == null) {
            return new Result(letter.partition(), letter.offset(), id, type, null, "failed",
                    "the dead letter does not say its original topic (header dead-letter-topic)");
        }
        List<EventListener> listeners = topics.of(original.topic());
        if (listeners.isEmpty()) {
            return new Result(letter.partition(), letter.offset(), id, type, original.topic(), "failed",
                    service + " no longer consumes " + original.topic());
        }
        Applying.Applied applied = applying.apply(listeners, List.of(original), false).getFirst();
        String outcome = switch (applied.result()) {
            case APPLIED, WOULD_APPLY -> "applied";
            case ALREADY_APPLIED -> "already_applied";
            case NOT_HANDLED -> "skipped";
            case POISON -> "failed";
        };
        LOG.infof("Dead letter %s@%d (%s %s from %s) redriven by ops: %s%s", letter.topic(), letter.offset(), type, id,
                original.position(), outcome, applied.reason() == null ? "" : ": " + applied.reason());
        return new Result(letter.partition(), letter.offset(), applied.eventId() != null ? applied.eventId() : id,
                applied.eventType() != null ? applied.eventType() : type, original.topic(), outcome, applied.reason());
    }

    /** The record as it was on its own topic, from the headers SmallRye's dead-letter strategy added. */
    static EventRecord original(ConsumerRecord<String, byte[]> letter) {
        String topic = header(letter, "dead-letter-topic");
        int partition = number(header(letter, "dead-letter-partition"), -1);
        long offset = number(header(letter, "dead-letter-offset"), -1);
        return new EventRecord(topic, partition, offset, Instant.ofEpochMilli(letter.timestamp()), letter.key(),
                letter.value(), letter.headers());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static int number(String value, int fallback) {
        return (int) number(value, (long) fallback);
    }

    private static long number(String value, long fallback) {
        try {
            return value == null ? fallback : Long.parseLong(value.trim());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

}
