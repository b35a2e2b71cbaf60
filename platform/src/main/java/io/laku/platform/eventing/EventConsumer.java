package io.laku.platform.eventing;

import io.laku.platform.eventing.Outcome.Result;
import io.laku.platform.trace.TraceIds;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.reactive.messaging.kafka.KafkaRecord;
import io.smallrye.reactive.messaging.kafka.KafkaRecordBatch;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;

/**
 * The one way a Laku service applies events (see {@link EventListener} for how a listener uses it).
 *
 * <p>A batch is what one poll returned for the partitions of one consumer copy (the channel's {@code concurrency}
 * gives each partition its own copy, so a batch that waits never holds up another partition). For each record:
 * an event type the listener does not handle is skipped from its header, undecoded and outside any transaction; the
 * others are decoded, then applied in order in one transaction, each together with its inbox row, so every effect
 * happens once per consumer however often the event is delivered; consecutive events of a type the listener applies
 * in runs ({@link EventHandlers#onRun}) share one inbox statement and one effect. The batch is acknowledged only after
 * the transaction committed.
 *
 * <p>Failures, by {@link FailureKind}: a transient one (database, broker or registry away, a lock, a shutdown, a slow
 * statement) retries the whole batch without limit, with capped exponential backoff, and nothing is skipped
 * meanwhile; the readiness check and the metrics show the waiting partitions. There is no client-side timeout, so an
 * attempt has ended (committed or rolled back) before the next one starts. Poison (an event that can never be
 * applied as it is) is nacked alone: the channel's dead-letter-queue strategy sends it to {@code laku.dlq.<service>}
 * with the reason, and the rest of the batch is applied around it. Once shutdown begins nothing more is taken, and
 * what is in flight is left unacknowledged, to be delivered again after the restart.
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

    @Inject
    ConsumerStatus status;

    @Inject
    Lifecycle lifecycle;

    @ConfigProperty(name = "quarkus.application.name")
    String service;

    @ConfigProperty(name = "laku.consumer.backoff.first", defaultValue = "PT0.2S")
    Duration backoffFirst;

    @ConfigProperty(name = "laku.consumer.backoff.max", defaultValue = "PT10S")
    Duration backoffMax;

    /** How often a deterministic failure must repeat for the same event before it is taken for poison. */
    @ConfigProperty(name = "laku.consumer.deterministic-attempts", defaultValue = "3")
    int deterministicAttempts;

    private final Map<EventListener, EventHandlers> handlers = new ConcurrentHashMap<>();

    /** The live path: applies a batch from the listener's channel, retrying until it is applied. */
    public Uni<Void> consume(EventListener listener, KafkaRecordBatch<String, byte[]> batch) {
        if (lifecycle.stopping()) {
            return Uni.createFrom().voidItem(); // not acknowledged: redelivered after the restart
        }
        String consumer = consumerName(listener);
        EventHandlers handling = handlersOf(listener);
        List<KafkaRecord<String, byte[]>> records = batch.getRecords();
        List<EventRecord> events = records.stream().map(EventRecord::of).toList();
        ConsumerStatus.Attempts attempts = status.start(consumer, partitions(events));
        Backoff backoff = new Backoff(backoffFirst, backoffMax);
        return untilApplied(attempts, backoff, () -> apply(consumer, handling, events, false, attempts)
                        .chain(outcomes -> deadLetter(consumer, records, outcomes)))
                .chain(applied -> applied ? Uni.createFrom().completionStage(batch.ack()) : Uni.createFrom().voidItem())
                .eventually(attempts::done);
    }

    /**
     * Applies records through a listener's handlers and inbox exactly as the live path does, once (no retries) and
     * without dead-lettering: for replays and redrives by ops. Poison is reported in the outcomes; a transient failure
     * fails the returned Uni. With {@code dryRun} nothing is applied: the outcomes say what would be.
     */
    public Uni<List<Outcome>> apply(EventListener listener, List<EventRecord> records, boolean dryRun) {
        String consumer = consumerName(listener);
        return apply(consumer, handlersOf(listener), records, dryRun, status.start(consumer, partitions(records)));
    }

    /** {@code <service>.<channel>}: the consumer's inbox key and metrics tag. */
    public String consumerName(EventListener listener) {
        return service + "." + listener.channel();
    }

    private EventHandlers handlersOf(EventListener listener) {
        return handlers.computeIfAbsent(listener, EventListener::handlers);
    }

    private Uni<List<Outcome>> apply(String consumer, EventHandlers handling, List<EventRecord> records, boolean dryRun,
            ConsumerStatus.Attempts attempts) {
        List<Outcome> settled = new ArrayList<>();
        List<EventRecord> toDecode = new ArrayList<>();
        for (EventRecord record : records) {
            String id = record.header("id");
            String type = record.header("eventType");
            if (id == null || !isUuid(id)) {
                settled.add(Outcome.poison(record, id, type, id == null ? "missing header 'id' (the event id)"
                        : "header 'id' is not a UUID: " + id));
            } else if (type != null && !handling.handles(type)) {
                settled.add(Outcome.of(record, id, type, Result.NOT_HANDLED));
            } else {
                toDecode.add(record);
            }
        }
        if (toDecode.isEmpty()) {
            return Uni.createFrom().item(inRecordOrder(records, settled));
        }
        // Decoding may ask the registry for a schema: off the event loop. A registry that cannot be reached fails
        // the whole attempt (retried); one that answered "unknown" makes that record poison.
        return Uni.createFrom().item(() -> decode(toDecode, handling, settled))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .chain(decoded -> inTransactions(consumer, handling, decoded, dryRun, attempts))
                .map(applied -> {
                    settled.addAll(applied);
                    return inRecordOrder(records, settled);
                });
    }

    private List<InboundEvent> decode(List<EventRecord> records, EventHandlers handling, List<Outcome> settled) {
        List<InboundEvent> events = new ArrayList<>();
        Set<UUID> seen = new HashSet<>();
        for (EventRecord record : records) {
            String id = record.header("id");
            try {
                SpecificRecord payload = codec.decode(record.topic(), record.value());
                String type = record.header("eventType") != null ? record.header("eventType") : payload.getSchema().getName();
                if (!handling.handles(type)) {
                    settled.add(Outcome.of(record, id, type, Result.NOT_HANDLED));
                    continue;
                }
                UUID eventId = UUID.fromString(id);
                if (!seen.add(eventId)) {
                    settled.add(Outcome.of(record, id, type, Result.ALREADY_APPLIED)); // the same event twice in one poll
                    continue;
                }
                events.add(new InboundEvent(eventId, type, record.header("traceId"), payload, record));
            } catch (PoisonEventException e) {
                settled.add(Outcome.poison(record, id, record.header("eventType"), e.getMessage()));
            }
        }
        return events;
    }

    /**
     * Applies the events in one transaction. When one of them turns out to be poison, the transaction is rolled back
     * and the events before it and after it are applied in transactions of their own, so poison never takes its
     * neighbours with it. A run ({@link EventHandlers#onRun}) that fails for any reason but a transient one is tried
     * again event by event, which tells which of its events is the poison.
     */
    private Uni<List<Outcome>> inTransactions(String consumer, EventHandlers handling, List<InboundEvent> events,
            boolean dryRun, ConsumerStatus.Attempts attempts) {
        return inTransactions(consumer, handling, events, dryRun, attempts, false);
    }

    private Uni<List<Outcome>> inTransactions(String consumer, EventHandlers handling, List<InboundEvent> events,
            boolean dryRun, ConsumerStatus.Attempts attempts, boolean oneByOne) {
        if (events.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return safeContext.run(() -> Panache.withTransaction(() -> applyInOrder(consumer, handling, events, dryRun,
                        oneByOne)))
                .onFailure(EventFailed.class).recoverWithUni(failure -> {
                    EventFailed failed = (EventFailed) failure;
                    if (failed.inRun && FailureKind.of(failed.getCause()) != FailureKind.TRANSIENT) {
                        LOG.debugf("%s: a run failed (%s); applying its events one by one", consumer,
                                ConsumerStatus.describe(failed.getCause()));
                        return inTransactions(consumer, handling, events, dryRun, attempts, true);
                    }
                    String poison = poisonReason(failed, attempts);
                    if (poison == null) {
                        return Uni.createFrom().failure(failed.getCause());
                    }
                    InboundEvent bad = events.get(failed.index);
                    LOG.errorf("%s cannot be applied by %s: %s", bad, consumer, poison);
                    List<InboundEvent> before = events.subList(0, failed.index);
                    List<InboundEvent> after = events.subList(failed.index + 1, events.size());
                    return inTransactions(consumer, handling, before, dryRun, attempts, oneByOne)
                            .chain(head -> inTransactions(consumer, handling, after, dryRun, attempts, oneByOne)
                                    .map(tail -> {
                                        List<Outcome> all = new ArrayList<>(head);
                                        all.add(Outcome.poison(bad.record(), bad.id().toString(), bad.type(), poison));
                                        all.addAll(tail);
                                        return all;
                                    }));
                });
    }

    private Uni<List<Outcome>> applyInOrder(String consumer, EventHandlers handling, List<InboundEvent> events,
            boolean dryRun, boolean oneByOne) {
        List<Outcome> outcomes = new ArrayList<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        int from = 0;
        while (from < events.size()) {
            int index = from;
            InboundEvent first = events.get(from);
            int to = from + 1;
            if (!oneByOne && !dryRun && handling.inRuns(first.type())) {
                while (to < events.size() && events.get(to).type().equals(first.type())) {
                    to++;
                }
            }
            List<InboundEvent> run = events.subList(from, to);
            boolean inRun = run.size() > 1;
            chain = chain.chain(() -> inRun ? applyRun(consumer, handling, run)
                            : applyOne(consumer, handling, first, dryRun).map(List::of))
                    .invoke(outcomes::addAll)
                    .onFailure().transform(failure -> failure instanceof EventFailed ? failure
                            : new EventFailed(index, first.id().toString(), inRun, failure))
                    .replaceWithVoid();
            from = to;
        }
        return chain.replaceWith(outcomes);
    }

    /** A run of events of one type: their inbox rows in one statement, then one effect for those not applied before. */
    private Uni<List<Outcome>> applyRun(String consumer, EventHandlers handling, List<InboundEvent> run) {
        InboundEvent first = run.getFirst();
        return Uni.createFrom().deferred(() -> {
                    MDC.put(TraceIds.MDC_TRACE_ID, first.traceId() == null ? TraceIds.newTraceId() : first.traceId());
                    MDC.put(TraceIds.MDC_EVENT_ID, first.id().toString());
                    return inbox.firstDeliveries(consumer, run);
                })
                .chain(fresh -> {
                    List<InboundEvent> toApply = run.stream().filter(e -> fresh.contains(e.id())).toList();
                    Uni<Void> applied = toApply.isEmpty() ? Uni.createFrom().voidItem()
                            : handling.applyRun(toApply)
                                    .call(() -> Panache.getSession().chain(session -> session.flush().invoke(session::clear)));
                    return applied.map(ignored -> {
                        LOG.debugf("%d %s events applied by %s (%d applied before)", toApply.size(), first.type(),
                                consumer, run.size() - toApply.size());
                        return run.stream().map(e -> Outcome.of(e.record(), e.id().toString(), e.type(),
                                fresh.contains(e.id()) ? Result.APPLIED : Result.ALREADY_APPLIED)).toList();
                    });
                })
                .eventually(() -> {
                    MDC.remove(TraceIds.MDC_EVENT_ID);
                    MDC.remove(TraceIds.MDC_TRACE_ID);
                });
    }

    private Uni<Outcome> applyOne(String consumer, EventHandlers handling, InboundEvent event, boolean dryRun) {
        EventRecord record = event.record();
        String id = event.id().toString();
        if (dryRun) {
            return inbox.applied(consumer, event.id()).map(applied -> Outcome.of(record, id, event.type(),
                    applied ? Result.ALREADY_APPLIED : Result.WOULD_APPLY));
        }
        return Uni.createFrom().deferred(() -> {
                    MDC.put(TraceIds.MDC_TRACE_ID, event.traceId() == null ? TraceIds.newTraceId() : event.traceId());
                    MDC.put(TraceIds.MDC_EVENT_ID, id);
                    return inbox.firstDelivery(consumer, event.id(), event.type());
                })
                .chain(first -> {
                    if (!first) {
                        LOG.debugf("%s already applied by %s; skipped", event, consumer);
                        return Uni.createFrom().item(Outcome.of(record, id, event.type(), Result.ALREADY_APPLIED));
                    }
                    return handling.apply(event)
                            // each event sees the rows the previous one wrote, never a stale entity of the session
                            .call(() -> Panache.getSession().chain(session -> session.flush().invoke(session::clear)))
                            .invoke(() -> LOG.debugf("%s applied by %s", event, consumer))
                            .replaceWith(Outcome.of(record, id, event.type(), Result.APPLIED));
                })
                .eventually(() -> {
                    MDC.remove(TraceIds.MDC_EVENT_ID);
                    MDC.remove(TraceIds.MDC_TRACE_ID);
                });
    }

    /** The reason an event is poison, or null when the failure is worth another attempt. */
    private String poisonReason(EventFailed failed, ConsumerStatus.Attempts attempts) {
        Throwable cause = failed.getCause();
        return switch (FailureKind.of(cause)) {
            case POISON -> reasonOf(cause);
            case DETERMINISTIC -> attempts.failedEvent(failed.eventId) >= deterministicAttempts
                    ? "failed " + deterministicAttempts + " times in a row: " + ConsumerStatus.describe(cause)
                    : null;
            case TRANSIENT -> null;
        };
    }

    /** Sends the poison records to the dead-letter topic, one by one; a failed send fails the attempt (retried). */
    private Uni<List<Outcome>> deadLetter(String consumer, List<KafkaRecord<String, byte[]>> records, List<Outcome> outcomes) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            status.count(consumer, outcome.result().name().toLowerCase());
            if (outcome.result() == Result.POISON) {
                KafkaRecord<String, byte[]> record = records.get(i);
                chain = chain.chain(() -> {
                    LOG.errorf("Dead letter from %s in %s (event %s, %s): %s", outcome.record().position(), consumer,
                            outcome.eventId(), outcome.eventType(), outcome.reason());
                    return Uni.createFrom().completionStage(record.nack(new PoisonEventException(outcome.reason())));
                });
            }
        }
        return chain.replaceWith(outcomes);
    }

    /**
     * Tries until the batch is applied. Returns false when shutdown began: the batch is then left unacknowledged.
     */
    private Uni<Boolean> untilApplied(ConsumerStatus.Attempts attempts, Backoff backoff, Supplier<Uni<?>> attempt) {
        return Uni.createFrom().deferred(() -> lifecycle.stopping() ? Uni.createFrom().item(false)
                        : attempt.get().replaceWith(true))
                .onFailure().recoverWithUni(failure -> {
                    if (lifecycle.stopping()) {
                        LOG.infof("%s %s: left for redelivery, the service is shutting down (%s)", attempts.consumer(),
                                attempts.partitions(), failure.getMessage());
                        return Uni.createFrom().item(false);
                    }
                    FailureKind kind = FailureKind.of(failure);
                    long failures = attempts.failed(failure, kind);
                    Duration pause = backoff.after((int) Math.min(failures, Integer.MAX_VALUE));
                    if (failures == 1 || Long.bitCount(failures) == 1) {
                        LOG.warnf("%s %s: attempt %d failed (%s), retrying in %d ms: %s", attempts.consumer(),
                                attempts.partitions(), failures, kind, pause.toMillis(), ConsumerStatus.describe(failure));
                    }
                    return Uni.createFrom().voidItem().onItem().delayIt().by(pause)
                            .chain(() -> untilApplied(attempts, backoff, attempt))
                            .invoke(applied -> {
                                if (applied && failures == attempts.failures()) {
                                    LOG.infof("%s %s: applied after %d failed attempts", attempts.consumer(),
                                            attempts.partitions(), failures);
                                }
                            });
                });
    }

    private static String reasonOf(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof PoisonEventException && cause.getMessage() != null) {
                return cause.getMessage();
            }
        }
        return ConsumerStatus.describe(failure);
    }

    private static List<Outcome> inRecordOrder(List<EventRecord> records, List<Outcome> outcomes) {
        Map<EventRecord, Outcome> byRecord = new java.util.IdentityHashMap<>();
        for (Outcome outcome : outcomes) {
            byRecord.put(outcome.record(), outcome);
        }
        List<Outcome> ordered = new ArrayList<>(records.size());
        for (EventRecord record : records) {
            ordered.add(byRecord.get(record));
        }
        return ordered;
    }

    private static List<String> partitions(List<EventRecord> records) {
        return records.stream().map(r -> r.topic() + "-" + r.partition()).distinct().sorted().toList();
    }

    private static boolean isUuid(String text) {
        try {
            return UUID.fromString(text).toString().equalsIgnoreCase(text);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** An event's effect failed (or a run's, starting at the event); carries its index in the transaction's list. */
    private static final class EventFailed extends RuntimeException {
        final int index;
        final String eventId;
        final boolean inRun;

        EventFailed(int index, String eventId, boolean inRun, Throwable cause) {
            super(cause.getMessage(), cause, false, false);
            this.index = index;
            this.eventId = eventId;
            this.inRun = inRun;
        }
    }
}
