package io.laku.platform.eventing;

import io.smallrye.mutiny.Uni;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;

/** The effect of each event type a listener applies, by the type's name (the {@code eventType} header). */
public final class EventHandlers {

    private final Map<String, Handler<?>> byType;

    private record Handler<T extends SpecificRecord>(Class<T> type, BiFunction<InboundEvent, T, Uni<Void>> effect) {
        Uni<Void> apply(InboundEvent event) {
            return effect.apply(event, type.cast(event.payload()));
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
        Map<String, Handler<?>> more = new LinkedHashMap<>(byType);
        if (more.put(type.getSimpleName(), new Handler<>(type, effect)) != null) {
            throw new IllegalArgumentException(type.getSimpleName() + " has two handlers");
        }
        return new EventHandlers(more);
    }

    /** Whether events of this type (a schema name such as {@code SessionConfirmed}) are applied. */
    public boolean handles(String eventType) {
        return byType.containsKey(eventType);
    }

    public Set<String> types() {
        return byType.keySet();
    }

    Uni<Void> apply(InboundEvent event) {
        Handler<?> handler = byType.get(event.type());
        if (handler == null) {
            throw new IllegalStateException("no handler for " + event.type());
        }
        return handler.apply(event);
    }
}
