package io.laku.groupbuying.join;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import org.jboss.logging.Logger;

/**
 * Joins waiting for their seat's payment link. The consumer of {@code PaymentInvoiceCreated} tells a join waiting in
 * this instance the moment it stores the link ({@link #stored}); a link stored by another instance is seen on the
 * seats' rows, read for all waiting joins at once every {@link #ROW_READS} while any waits (one query per period
 * however many joins wait).
 */
@ApplicationScoped
public class PaymentLinks {

    private static final Logger LOG = Logger.getLogger(PaymentLinks.class);
    static final Duration ROW_READS = Duration.ofMillis(250);

    private final Map<UUID, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();
    private final AtomicBoolean reading = new AtomicBoolean();

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    /** The seat's payment link once it exists, or null after {@code wait} (or if anything fails meanwhile). */
    public Uni<String> await(UUID participantId, Duration wait) {
        CompletableFuture<String> told = waiting.computeIfAbsent(participantId, id -> new CompletableFuture<>());
        readRowsLater();
        // the seat is committed: whatever goes wrong while waiting, the answer is the 201 without the link
        return Uni.createFrom().completionStage(told)
                .ifNoItem().after(wait).recoverWithItem((String) null)
                .onFailure().recoverWithItem((String) null)
                .eventually(() -> waiting.remove(participantId, told));
    }

    /** The consumer stored the seat's link: a join waiting for it here answers with it now. */
    public void stored(UUID participantId, String url) {
        CompletableFuture<String> join = waiting.remove(participantId);
        if (join != null) {
            join.complete(url);
        }
    }

    private void readRowsLater() {
        if (reading.compareAndSet(false, true)) {
            vertx.setTimer(ROW_READS.toMillis(), timer -> readRows());
        }
    }

    /** One read for every waiting seat; again after the period while any still waits. */
    private void readRows() {
        UUID[] ids = waiting.keySet().toArray(UUID[]::new);
        if (ids.length == 0) {
            reading.set(false);
            if (!waiting.isEmpty()) { // a join arrived between the look and the reset
                readRowsLater();
            }
            return;
        }
        pool.preparedQuery("select id, payment_url from participant where id = any($1) and payment_url is not null")
                .execute(Tuple.of(ids))
                .subscribe().with(rows -> {
                    for (Row row : rows) {
                        stored(row.getUUID(0), row.getString(1));
                    }
                    vertx.setTimer(ROW_READS.toMillis(), timer -> readRows());
                }, failure -> {
                    LOG.debugf("Reading waiting seats' payment links failed: %s", failure.toString());
                    vertx.setTimer(ROW_READS.toMillis(), timer -> readRows());
                });
    }
}
