package io.laku.platform.eventing;

import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/**
 * The effect of each event type a listener applies, by the type's name (the {@code eventType} header). An effect
 * takes one event ({@link #on}) or a run of them ({@link #onRun}): consecutive events of one type in a poll, for
 * effects that are cheaper set-based (a session's end is one event per seat).
 */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType;

    private record Handler<T extends SpecificRecord>(Class<T> type, BiFunction<InboundEvent, T, Uni<Void>> one,
            Function<List<T>, Uni<Void>> run) {

        Uni<Void> apply(InboundEvent event) {
            return run != null ? run.apply(List.of(type.cast(event.payload())))
                    : one.apply(event, type.cast(event.payload()));
        }

        Uni<Void> applyRun(List<InboundEvent> events) {
            return run.apply(events.stream().map(e -> type.cast(e.payload())).toList());
        }
    }

    /** No handlers yet: add them with {@code on(...)}. */
    public EventHandlers() {
        this(Map.of());
    }

    private EventHandlers(Map<String, Handler<?>> byType) {
        this.byType = Map.copyOf(byType);
    }

    /** Also applies events of this type; the effect gets the payload. */
    public <T extends SpecificRecord> EventHandlers on(Class<T> type, Function<T, Uni<Void>> effect) {
        return on(type, (BiFunction<InboundEvent, T, Uni<Void>>) (event, payload) -> effect.apply(payload));
    }

    /** Also applies events of this type; the effect gets the event (id, trace id, position) and the payload. */
    public <T extends SpecificRecord> EventHandlers on(Class<T> type, BiFunction<InboundEvent, T, Uni<Void>> effect) {
        return with(new Handler<>(type, effect, null));
    }

    /**
     * Also applies events of this type, a run at a time: the effect gets the payloads of consecutive events of the
     * type in one poll that this consumer has not applied before, in their order, and applies them all in the
     * consumer's transaction. It must give the same result as applying them one by one: when a run fails with
     * anything but a transient failure, the consumer applies its events one by one (runs of one) to find the poison.
     */
    public <T extends SpecificRecord> EventHandlers onRun(Class<T> type, Function<List<T>, Uni<Void>> effect) {
        return with(new Handler<>(type, null, effect));
    }

    private EventHandlers with(Handler<?> handler) {
        Map<String, Handler<?>> more = new LinkedHashMap<>(byType);
        if (more.put(handler.type().getSimpleName(), handler) != null) {
            throw new IllegalArgumentException(handler.type().getSimpleName() + " has two handlers");
        }
        return new EventHandlers(more);
    }

    /** Whether events of this type (a schema name such as {@code SessionConfirmed}) are applied. */
    public boolean handles(String eventType) {
        return byType.containsKey(eventType);
    }

    /** Whether events of this type are applied a run at a time ({@link #onRun}). */
    public boolean inRuns(String eventType) {
        Handler<?> handler = byType.get(eventType);
        return handler != null && handler.run() != null;
    }

    public Set<String> types() {
        return byType.keySet();
    }

    Uni<Void> apply(InboundEvent event) {
        return handler(event.type()).apply(event);
    }

    /** Applies a run of events of one type handled {@link #onRun}. */
    Uni<Void> applyRun(List<InboundEvent> events) {
        return handler(events.getFirst().type()).applyRun(events);
    }

    private Handler<?> handler(String type) {
        Handler<?> handler = byType.get(type);
        if (handler == null) {
            throw new IllegalStateException("no handler for " + type);
        }
        return handler;
    }
}
