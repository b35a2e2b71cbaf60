package io.laku.platform.eventing;

import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/**
 * Runs reactive (Hibernate Reactive) work from a thread that is not a request: a Kafka consumer, a scheduler. The
 * work runs on a fresh Vert.x duplicated context marked safe, which Hibernate Reactive requires
 * (quarkusio/quarkus#35106).
 */
@ApplicationScoped
public class SafeContext {

    @Inject
    Vertx vertx;

    public <T> Uni<T> run(Supplier<Uni<T>> work) {
        return Uni.createFrom().emitter(emitter -> {
            Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
            VertxContextSafetyToggle.setContextSafe(context, true);
            context.runOnContext(ignored -> work.get().subscribe().with(emitter::complete, emitter::fail));
        });
    }
}
