package io.laku.platform.retention;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Keeps tables bounded: every {@code laku.retention.purge-every} it deletes, for each {@link PurgeRule} bean, the rows
 * older than the rule's retention, in batches of {@code laku.retention.batch}. Two instances purging at once only
 * delete the same rows twice (the second time none).
 */
@ApplicationScoped
public class Purges {

    private static final Logger LOG = Logger.getLogger(Purges.class);

    @Inject
    @Any
    Instance<PurgeRule> rules;

    @Inject
    Pool pool;

    @ConfigProperty(name = "laku.retention.batch", defaultValue = "5000")
    int batch;

    @Scheduled(every = "${laku.retention.purge-every}", delayed = "${laku.retention.purge-every}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purge() {
        for (PurgeRule rule : rules) {
            try {
                long deleted = purge(rule);
                if (deleted > 0) {
                    LOG.infof("Purged %d %s rows older than %s", deleted, rule.table(), rule.retention());
                }
            } catch (RuntimeException e) {
                LOG.warnf("Purging %s failed, the next run retries: %s", rule.table(), e.toString());
            }
        }
    }

    long purge(PurgeRule rule) {
        String delete = rule.deleteBatch(batch);
        double seconds = rule.retention().toMillis() / 1000.0;
        long total = 0;
        int deleted;
        do {
            deleted = pool.preparedQuery(delete).execute(Tuple.of(seconds)).await().atMost(Duration.ofMinutes(1))
                    .rowCount();
            total += deleted;
        } while (deleted == batch);
        return total;
    }
}
