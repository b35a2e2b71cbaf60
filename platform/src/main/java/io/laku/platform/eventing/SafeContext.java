package io.laku.platform.eventing;

import io.laku.platform.trace.TraceIds;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;
import org.jboss.logging.MDC;

/**
 * Runs reactive work (Hibernate Reactive, Panache transactions) from a thread that has no Vert.x
 * context, or an unsafe one (Kafka {@code @Incoming}, {@code @Scheduled} blocking methods): on a fresh,
 * safe duplicated context (quarkusio/quarkus#35106), carrying the caller's trace and event ids in the MDC.
 */
@ApplicationScoped
public class SafeContext {

    @Inject
    Vertx vertx;

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        Object traceId = MDC.get(TraceIds.MDC_TRACE_ID);
        Object eventId = MDC.get(TraceIds.MDC_EVENT_ID);
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> {
                MDC.put(TraceIds.MDC_TRACE_ID, traceId == null ? TraceIds.newTraceId() : traceId.toString());
                if (eventId != null) {
                    MDC.put(TraceIds.MDC_EVENT_ID, eventId.toString());
                }
                try {
                    work.get().subscribe().with(emitter::complete, emitter::fail);
                } catch (RuntimeException e) {
                    emitter.fail(e);
                }
            });
        });
    }
}
