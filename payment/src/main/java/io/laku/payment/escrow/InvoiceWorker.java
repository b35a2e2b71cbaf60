package io.laku.payment.escrow;

import io.laku.payment.gateway.GatewayInvoice;
import io.laku.payment.gateway.GatewayRejectedException;
import io.laku.payment.gateway.PaymentGateway;
import io.laku.platform.eventing.Backoff;
import io.laku.platform.eventing.Lifecycle;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.SafeContext;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.avro.specific.SpecificRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Talks to the gateway outside any database transaction, for every seat at once rather than one tick at a time:
 *
 * <ul>
 *   <li><b>When</b>: as soon as there is work. The session consumer nudges it after each batch it committed (a join
 *       is a {@code pending_invoice} row from then on), a finished call nudges it (a slot is free), and a safety tick
 *       ({@code laku.payment.worker-every}) picks up retries that came due and rows whose lease ran out.</li>
 *   <li><b>Claims</b>: one statement takes due rows with {@code for update skip locked}, counts the attempt and leases
 *       them ({@code next_attempt_at} moves past the call), so two payment instances never work on the same row.
 *       Sessions take turns: at most {@code parallel-per-session} rows of one session per claim, oldest session
 *       first, and a session with that many calls in flight here is left out; so a session whose invoices are slow
 *       or refused never holds up another session's.</li>
 *   <li><b>Calls</b>: non-blocking, at most {@code parallel} in flight. An invoice is opened with the payment id as
 *       the gateway's external id (a repeat after a crash gets the same invoice back), then stored and announced
 *       with {@code PaymentInvoiceCreated} ({@link Invoices}); the calls that finished meanwhile are recorded together,
 *       up to 100 in one transaction. The invoice of a seat that ended is
 *       expired at the gateway.</li>
 *   <li><b>Failures</b>: recorded on the row (attempts, last error), and the next attempt waits the backoff of
 *       {@link InvoiceAttempts}. An invoice the gateway refused, or did not make within the attempts, is
 *       {@code invoice_failed}: the seat is released by {@code PaymentExpired} (reason INVOICE_FAILED) and the
 *       customer is told. An expiry given up on is left to the invoice's own expiry date (any payment still reaching
 *       it is a late payment, refunded in full).</li>
 * </ul>
 */
@ApplicationScoped
public class InvoiceWorker {

    private static final Logger LOG = Logger.getLogger(InvoiceWorker.class);
    private static final int MAX_ERROR_LENGTH = 1000;
    private static final int RECORD_BATCH = 100;

    /**
     * Due rows, oldest session first, at most $2 per session, $1 in all, none of the sessions in $3 (those with enough
     * calls in flight here); each claimed row counts an attempt and is leased for $4 seconds.
     */
    private static final String CLAIM = """
            with due_sessions as (
                select session_id, min(next_attempt_at) as oldest
                from payment
                where (status = 'pending_invoice' or (expire_requested and invoice_id is not null))
                  and next_attempt_at <= now() and session_id <> all($3)
                group by session_id
                order by oldest
                limit $1),
            picked as (
                select p.id from due_sessions s cross join lateral (
                    select q.id from payment q
                    where q.session_id = s.session_id
                      and (q.status = 'pending_invoice' or (q.expire_requested and q.invoice_id is not null))
                      and q.next_attempt_at <= now()
                    order by q.next_attempt_at, q.id
                    limit $2
                    for update skip locked) p
                limit $1)
            update payment set gateway_attempts = gateway_attempts + 1,
                               next_attempt_at = now() + make_interval(secs => $4)
            where id in (select id from picked)
            returning id, session_id, amount, status, invoice_id, gateway_attempts""";

    /** One claimed row: open its invoice ({@code invoiceId} null) or expire it. */
    record Job(UUID paymentId, UUID sessionId, long amount, String invoiceId, int attempt) {
        boolean opensInvoice() {
            return invoiceId == null;
        }
    }

    @Inject
    PaymentGateway gateway;

    @Inject
    SafeContext safeContext;

    @Inject
    Pool pool;

    @Inject
    Invoices invoices;

    @Inject
    OutboxWriter outbox;

    @Inject
    Lifecycle lifecycle;

    @ConfigProperty(name = "laku.payment.invoice-duration")
    Duration invoiceDuration;

    @ConfigProperty(name = "laku.payment.gateway.parallel")
    int parallel;

    @ConfigProperty(name = "laku.payment.gateway.parallel-per-session")
    int parallelPerSession;

    @ConfigProperty(name = "laku.payment.gateway.lease")
    Duration lease;

    @ConfigProperty(name = "laku.payment.gateway.attempts")
    int attempts;

    @ConfigProperty(name = "laku.payment.gateway.retry-first")
    Duration retryFirst;

    @ConfigProperty(name = "laku.payment.gateway.retry-max")
    Duration retryMax;

    private InvoiceAttempts schedule;

    // what this instance has in flight; guarded by `this`
    private int inFlight;
    private final Map<UUID, Integer> inFlightBySession = new HashMap<>();
    private boolean claiming;
    private boolean claimAgain;
    private final Queue<Outcome> outcomes = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean recording = new AtomicBoolean();

    @PostConstruct
    void init() {
        schedule = new InvoiceAttempts(attempts, new Backoff(retryFirst, retryMax));
    }

    /** The safety tick: retries that came due, leases that ran out (a crashed instance's calls). */
    @Scheduled(every = "${laku.payment.worker-every}", delayed = "2s")
    void tick() {
        nudge();
    }

    /**
     * There may be work (a consumer committed joins or ended seats, a call finished): claim what is due, up to the free
     * slots. Cheap to call often: concurrent nudges collapse into one claim at a time, followed by one more.
     */
    public void nudge() {
        if (lifecycle.stopping()) {
            return;
        }
        synchronized (this) {
            if (claiming) {
                claimAgain = true;
                return;
            }
            claiming = true;
            claimAgain = false;
        }
        claimRound();
    }

    private void claimRound() {
        int free;
        List<UUID> saturated;
        synchronized (this) {
            free = parallel - inFlight;
            saturated = inFlightBySession.entrySet().stream().filter(e -> e.getValue() >= parallelPerSession)
                    .map(Map.Entry::getKey).toList();
            if (free <= 0) {
                claiming = false; // a finishing call nudges again
                claimAgain = false;
                return;
            }
        }
        int wanted = free;
        claim(wanted, saturated).subscribe().with(jobs -> {
            jobs.forEach(this::start);
            claimed(jobs.size() == wanted);
        }, failure -> {
            LOG.warnf("Claiming gateway work failed (the next nudge or tick tries again): %s", failure.toString());
            claimed(false);
        });
    }

    /** After a claim: claim once more if it was full (more may be due) or if a nudge came meanwhile. */
    private void claimed(boolean full) {
        synchronized (this) {
            if (!full && !claimAgain || lifecycle.stopping()) {
                claiming = false;
                claimAgain = false;
                return;
            }
            claimAgain = false;
        }
        claimRound();
    }

    Uni<List<Job>> claim(int limit, List<UUID> saturated) {
        return pool.preparedQuery(CLAIM)
                .execute(Tuple.of((long) limit, (long) parallelPerSession, saturated.toArray(UUID[]::new),
                        lease.toMillis() / 1000.0))
                .map(rows -> {
                    List<Job> jobs = new ArrayList<>();
                    for (Row row : rows) {
                        boolean opens = Payment.PENDING_INVOICE.equals(row.getString("status"));
                        jobs.add(new Job(row.getUUID("id"), row.getUUID("session_id"), row.getLong("amount"),
                                opens ? null : row.getString("invoice_id"), row.getInteger("gateway_attempts")));
                    }
                    return jobs;
                });
    }

    private void start(Job job) {
        synchronized (this) {
            inFlight++;
            inFlightBySession.merge(job.sessionId(), 1, Integer::sum);
        }
        Uni<GatewayInvoice> call = job.opensInvoice()
                ? gateway.create(job.paymentId().toString(), job.amount(),
                        "Laku group-buying escrow, session " + job.sessionId(), invoiceDuration)
                : gateway.expire(job.invoiceId());
        Uni.createFrom().deferred(() -> call).subscribe().with(
                invoice -> finished(new Outcome(job, invoice, null)),
                failure -> finished(new Outcome(job, null, failure)));
    }

    /** A finished call, its slot still taken until its outcome is recorded. */
    private record Outcome(Job job, GatewayInvoice invoice, Throwable failure) {
    }

    private void finished(Outcome outcome) {
        outcomes.add(outcome);
        recordOutcomes();
    }

    /**
     * Records the finished calls, up to {@link #RECORD_BATCH} in one transaction (at 500 invoices a second, one
     * transaction each would be 500 commits), one recording at a time; then frees their slots.
     */
    private void recordOutcomes() {
        if (!recording.compareAndSet(false, true)) {
            return;
        }
        List<Outcome> batch = new ArrayList<>();
        for (Outcome next; batch.size() < RECORD_BATCH && (next = outcomes.poll()) != null; ) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            recording.set(false);
            if (!outcomes.isEmpty()) {
                recordOutcomes(); // one came after the poll and before the flag was down
            }
            return;
        }
        record(batch)
                .onFailure().recoverWithUni(failure -> batch.size() == 1 ? Uni.createFrom().failure(failure)
                        : oneByOne(batch)) // one outcome the database refuses must not keep the others unrecorded
                .subscribe().with(ignored -> recorded(batch), failure -> {
                    LOG.warnf("Outcome of gateway call for payment %s not recorded (its lease runs out and it is tried "
                            + "again): %s", batch.getFirst().job().paymentId(), failure.toString());
                    recorded(batch);
                });
    }

    private Uni<Void> oneByOne(List<Outcome> batch) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Outcome outcome : batch) {
            chain = chain.chain(() -> record(List.of(outcome)).onFailure().recoverWithItem(failure -> {
                LOG.warnf("Outcome of gateway call for payment %s not recorded (its lease runs out and it is tried "
                        + "again): %s", outcome.job().paymentId(), failure.toString());
                return null;
            }));
        }
        return chain;
    }

    private void recorded(List<Outcome> batch) {
        synchronized (this) {
            for (Outcome outcome : batch) {
                inFlight--;
                inFlightBySession.computeIfPresent(outcome.job().sessionId(), (session, n) -> n > 1 ? n - 1 : null);
            }
        }
        recording.set(false);
        if (!outcomes.isEmpty()) {
            recordOutcomes();
        }
        nudge();
    }

    /**
     * The calls' outcomes, on their rows locked afresh (in id order, as every claim locks them); nothing for a row
     * another claim took meanwhile. The links and given-up invoices are announced together.
     */
    private Uni<Void> record(List<Outcome> batch) {
        List<UUID> ids = batch.stream().map(outcome -> outcome.job().paymentId()).distinct().sorted().toList();
        return safeContext.run(() -> Panache.withTransaction(() -> Payment.<Payment>find("id in ?1 order by id", ids)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().chain(rows -> {
                    Map<UUID, Payment> payments = new HashMap<>();
                    rows.forEach(payment -> payments.put(payment.id, payment));
                    List<OutboxWriter.Keyed> announced = new ArrayList<>();
                    int links = 0;
                    for (Outcome outcome : batch) {
                        Job job = outcome.job();
                        Payment payment = payments.get(job.paymentId());
                        if (payment == null || payment.gatewayAttempts != job.attempt()) {
                            LOG.infof("Payment %s was claimed again meanwhile; this call's outcome is not recorded",
                                    job.paymentId());
                            continue;
                        }
                        SpecificRecord event;
                        if (!job.opensInvoice()) {
                            event = expired(payment, outcome.invoice(), outcome.failure());
                        } else if (outcome.failure() == null) {
                            event = invoices.stored(payment, outcome.invoice());
                            links += event == null ? 0 : 1;
                        } else {
                            event = openFailed(payment, outcome.failure());
                        }
                        if (event != null) {
                            announced.add(new OutboxWriter.Keyed(payment.sessionId, event));
                        }
                    }
                    int shown = links;
                    return outbox.publishAll(announced).invoke(() -> {
                        if (shown > 0) {
                            LOG.infof("Invoices stored: %d payment links announced", shown);
                        }
                    });
                })));
    }

    /** A failed call to open an invoice: tried again after the backoff, or given up (the seat is released). */
    private SpecificRecord openFailed(Payment payment, Throwable failure) {
        if (!Payment.PENDING_INVOICE.equals(payment.status)) {
            return null; // the seat ended meanwhile: no invoice is wanted any more
        }
        payment.lastGatewayError = describe(failure);
        payment.updatedAt = Instant.now();
        return switch (schedule.afterFailure(payment.gatewayAttempts, failure instanceof GatewayRejectedException)) {
            case InvoiceAttempts.Next.RetryAfter retry -> {
                payment.nextAttemptAt = Instant.now().plus(retry.delay());
                LOG.warnf("Invoice for payment %s: attempt %d failed, next in %d ms: %s", payment.id,
                        payment.gatewayAttempts, retry.delay().toMillis(), payment.lastGatewayError);
                yield null;
            }
            case InvoiceAttempts.Next.GiveUp giveUp -> invoices.failed(payment, giveUp.why());
        };
    }

    /** An expiry call's outcome; never an event (the seat ended already). */
    private SpecificRecord expired(Payment payment, GatewayInvoice invoice, Throwable failure) {
        if (!payment.expireRequested) {
            return null;
        }
        Instant now = Instant.now();
        payment.updatedAt = now;
        if (failure == null || failure instanceof GatewayRejectedException) {
            payment.expireRequested = false;
            LOG.infof("Invoice %s of payment %s expired at the gateway (%s)", payment.invoiceId, payment.id,
                    failure == null ? invoice.status() : "refused, already settled? " + failure.getMessage());
            return null;
        }
        payment.lastGatewayError = describe(failure);
        switch (schedule.afterFailure(payment.gatewayAttempts, false)) {
            case InvoiceAttempts.Next.RetryAfter retry -> {
                payment.nextAttemptAt = now.plus(retry.delay());
                LOG.warnf("Invoice %s of payment %s not expired yet (attempt %d), next in %d ms: %s", payment.invoiceId,
                        payment.id, payment.gatewayAttempts, retry.delay().toMillis(), payment.lastGatewayError);
            }
            case InvoiceAttempts.Next.GiveUp giveUp -> {
                payment.expireRequested = false;
                LOG.errorf("Invoice %s of payment %s: expiry given up (%s); it expires by itself at %s, and a payment"
                        + " still reaching it is refunded as late", payment.invoiceId, payment.id, giveUp.why(),
                        payment.expiresAt);
            }
        }
        return null;
    }

    private static String describe(Throwable failure) {
        String text = failure.getMessage() == null ? failure.toString() : failure.getClass().getSimpleName() + ": "
                + failure.getMessage();
        return text.length() > MAX_ERROR_LENGTH ? text.substring(0, MAX_ERROR_LENGTH) : text;
    }
}
