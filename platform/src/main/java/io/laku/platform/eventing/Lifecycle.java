package io.laku.platform.eventing;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Knows when the service is shutting down, so the consumer stops taking records and leaves the ones in flight
 * unacknowledged: they are delivered again after the restart (the inbox makes that harmless). A failure during
 * shutdown ("Pool closed") is never a reason to retry or to dead-letter.
 */
@ApplicationScoped
public class Lifecycle {

    private static final Logger LOG = Logger.getLogger(Lifecycle.class);

    private volatile boolean stopping;

    void onStop(@Observes @Priority(1) ShutdownEvent event) {
        stopping = true;
        LOG.info("Shutting down: consumers take no more records; unacknowledged ones are redelivered after restart");
    }

    public boolean stopping() {
        return stopping;
    }
}
