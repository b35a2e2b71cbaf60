package io.laku.platform.eventing;

import io.laku.platform.trace.TraceIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one way a Laku service consumes an event. Call it from a {@code @Blocking @Incoming} method:
 *
 * <pre>{@code
 * @Incoming("session-events") @Blocking
 * public void on(ConsumerRecord<String, byte[]> record) {
 *     events.consume("notifications", record, event -> switch (event.payload()) {
 *         case SessionCreated created -> notices.sessionOpened(event, created);
 *         default -> EventConsumer.ignore();
 *     });
 * }
 * }</pre>
 *
 * It reads the event id, type and trace id from the headers, decodes the payload, and applies the
 * effect in one transaction together with the inbox entry, so the effect happens once per consumer
 * however often the event is delivered. The transaction runs on a fresh, safe Vert.x duplicated
 * context (Hibernate Reactive refuses others; quarkusio/quarkus#35106). Transient failures are
 * retried with backoff; an event that can never be applied ({@link PoisonEventException}), or one
 * still failing after the retries, is nacked: the channel's dead-letter-queue strategy sends it to
 * {@code laku.dlq.<service>} with the reason in its headers, and the consumer goes on.
 */
@ApplicationScoped
public class EventConsumer {

    private static final Logger LOG = Logger.getLogger(EventConsumer.class);

    @Inject
    SafeContext safeContext;

    @Inject
    EventCodec codec;

    @Inject
    Inbox inbox;

    @ConfigProperty(name = "laku.consumer.attempts", defaultValue = "4")
    int attempts;

    @ConfigProperty(name = "laku.consumer.timeout", defaultValue = "PT30S")
    Duration timeout;

    public static Uni<Void> ignore() {
        return Uni.createFrom().voidItem();
    }

    public void consume(String consumer, ConsumerRecord<String, byte[]> record, Function<InboundEvent, Uni<Void>> effect) {
        String traceId = header(record, "traceId");
        MDC.put(TraceIds.MDC_TRACE_ID, traceId == null ? TraceIds.newTraceId() : traceId);
        MDC.put(TraceIds.MDC_EVENT_ID, String.valueOf(header(record, "id")));
        try {
            InboundEvent event = read(record);
            onSafeContext(event, () -> Panache.withTransaction(() -> inbox.firstDelivery(consumer, event.id(), event.type())
                            .chain(first -> first ? effect.apply(event) : alreadyApplied(consumer, event))))
                    .onFailure(failure -> !(failure instanceof PoisonEventException))
                    .invoke(failure -> LOG.warnf("%s failed in %s, will retry: %s", event, consumer, failure.toString()))
                    .onFailure(failure -> !(failure instanceof PoisonEventException))
                    .retry().withBackOff(Duration.ofMillis(200), Duration.ofSeconds(3)).atMost(attempts - 1L)
                    .await().atMost(timeout.multipliedBy(attempts));
            LOG.debugf("%s applied by %s", event, consumer);
        } catch (RuntimeException e) {
            LOG.errorf("Dead letter from %s-%d@%d in %s: %s", record.topic(), record.partition(), record.offset(),
                    consumer, e.getMessage());
            throw e;
        } finally {
            MDC.remove(TraceIds.MDC_TRACE_ID);
            MDC.remove(TraceIds.MDC_EVENT_ID);
        }
    }

    private InboundEvent read(ConsumerRecord<String, byte[]> record) {
        String id = header(record, "id");
        if (id == null) {
            throw new PoisonEventException("missing header 'id' (the event id)");
        }
        UUID eventId;
        try {
            eventId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            throw new PoisonEventException("header 'id' is not a UUID: " + id);
        }
        var payload = codec.decode(record.topic(), record.value());
        String type = header(record, "eventType");
        return new InboundEvent(eventId, type == null ? payload.getSchema().getName() : type,
                header(record, "traceId"), record.key(), payload, record.topic(), record.partition(), record.offset());
    }

    private Uni<Void> onSafeContext(InboundEvent event, java.util.function.Supplier<Uni<Void>> work) {
        return safeContext.run(() -> {
            MDC.put(TraceIds.MDC_TRACE_ID, event.traceId() == null ? TraceIds.newTraceId() : event.traceId());
            MDC.put(TraceIds.MDC_EVENT_ID, event.id().toString());
            return work.get();
        });
    }

    private static Uni<Void> alreadyApplied(String consumer, InboundEvent event) {
        LOG.infof("%s already applied by %s; skipped", event, consumer);
        return Uni.createFrom().voidItem();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        if (header == null || header.value() == null) {
            return null;
        }
        String value = new String(header.value(), StandardCharsets.UTF_8);
        // Connect's SimpleHeaderConverter writes strings as-is; strip quotes in case a JSON converter was used
        return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"") ? value.substring(1, value.length() - 1) : value;
    }
}
