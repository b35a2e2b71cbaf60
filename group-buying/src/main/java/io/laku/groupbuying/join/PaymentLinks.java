package io.laku.groupbuying.join;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
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

/**
 * Joins waiting for their seat's payment link. The consumer of {@code PaymentInvoiceCreated} tells a join waiting in
 * this instance the moment it stores the link ({@link #stored}); a link stored by another instance is seen on the
 * seat's row, read every {@link #ROW_READS} while waiting.
 */
@ApplicationScoped
public class PaymentLinks {

    static final Duration ROW_READS = Duration.ofMillis(250);

    private final Map<UUID, CompletableFuture<String>> waiting = new ConcurrentHashMap<>();

    @Inject
    Pool pool;

    /** The seat's payment link once it exists, or null after {@code wait}. */
    public Uni<String> await(UUID participantId, Duration wait) {
        CompletableFuture<String> told = waiting.computeIfAbsent(participantId, id -> new CompletableFuture<>());
        // a read slower than the period skips the ticks it overlaps instead of failing the wait
        Uni<String> onRow = Multi.createFrom().ticks().startingAfter(ROW_READS).every(ROW_READS).onOverflow().drop()
                .onItem().transformToUniAndConcatenate(tick -> onRow(participantId))
                .select().where(url -> url != null).toUni();
        // the seat is committed: whatever goes wrong while waiting, the answer is the 201 without the link
        return Uni.combine().any().of(Uni.createFrom().completionStage(told), onRow)
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

    private Uni<String> onRow(UUID participantId) {
        return pool.preparedQuery("select payment_url from participant where id = $1").execute(Tuple.of(participantId))
                .map(rows -> {
                    var it = rows.iterator();
                    Row row = it.hasNext() ? it.next() : null;
                    return row == null ? null : row.getString(0);
                });
    }
}
