package io.laku.groupbuying.expiry;

import io.laku.platform.eventing.SafeContext;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import org.jboss.logging.Logger;

/** Ends due sessions every {@code laku.expiry.interval} (default 10 s); runs overlapping nothing. */
@ApplicationScoped
public class ExpiryScheduler {

    private static final Logger LOG = Logger.getLogger(ExpiryScheduler.class);

    @Inject
    ExpiryService expiry;

    @Inject
    SafeContext safeContext;

    @Scheduled(every = "${laku.expiry.interval:10s}", delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        try {
            int ended;
            do {
                ended = safeContext.run(expiry::processDue).await().atMost(Duration.ofMinutes(1)).size();
                if (ended > 0) {
                    LOG.infof("Expiry ended %d sessions", ended);
                }
            } while (ended > 0 && ended >= expiry.batch());
        } catch (RuntimeException e) {
            LOG.warnf("Expiry run failed, next run retries: %s", e.toString());
        }
    }
}
