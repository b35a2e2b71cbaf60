package io.laku.settlement.payouts;

import io.laku.platform.eventing.SafeContext;
import io.laku.settlement.disbursement.Disbursement;
import io.laku.settlement.disbursement.DisbursementGateway;
import io.laku.settlement.disbursement.DisbursementRejectedException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Sends pending payouts to the disbursement gateway, outside any database transaction. The payout id is the request's
 * external id and idempotency key, so a request repeated after a crash, a timeout or a lost answer is the same
 * disbursement: never a second payment. A failed attempt is retried later with backoff; a refusal fails the payout
 * (nothing paid). A payout whose callback is late is looked up at the gateway.
 */
@ApplicationScoped
public class PayoutWorker {

    private static final Logger LOG = Logger.getLogger(PayoutWorker.class);
    private static final int BATCH = 50;
    private static final Duration DB_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration MAX_BACKOFF = Duration.ofMinutes(5);

    @Inject
    DisbursementGateway gateway;

    @Inject
    SafeContext safeContext;

    @Inject
    Payouts payouts;

    @ConfigProperty(name = "laku.settlement.reconcile-after")
    Duration reconcileAfter;

    @Scheduled(every = "${laku.settlement.worker-every}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void run() {
        Instant now = Instant.now();
        due("status = ?1 and nextAttemptAt <= ?2 order by nextAttemptAt, id", Payout.PENDING, now).forEach(this::send);
        due("status = ?1 and updatedAt <= ?2 order by updatedAt, id", Payout.REQUESTED, now.minus(reconcileAfter))
                .forEach(this::reconcile);
    }

    private List<Payout> due(String query, Object... params) {
        return safeContext.run(() -> Panache.withSession(() -> Payout.<Payout>find(query, params).page(0, BATCH).list()))
                .await().atMost(DB_TIMEOUT);
    }

    void send(Payout payout) {
        Disbursement disbursement;
        try {
            disbursement = gateway.create(payout.id.toString(), payout.amount, new DisbursementGateway.BankAccount(
                    payout.bankCode, payout.accountNumber, payout.accountHolderName), "Laku payout " + payout.id);
        } catch (DisbursementRejectedException e) {
            LOG.warnf("Payout %s refused by the gateway: %s", payout.id, e.getMessage());
            inTransaction(() -> Payouts.lockedPayee(payout.payeeId).chain(payee -> locked(payout).chain(p ->
                    Payout.PENDING.equals(p.status) ? payouts.fail(payee, p, e.errorCode()) : Uni.createFrom().voidItem())));
            return;
        } catch (RuntimeException e) {
            LOG.warnf("Payout %s not sent yet (attempt %d, will retry): %s", payout.id, payout.attempts + 1, e.toString());
            inTransaction(() -> locked(payout).invoke(p -> {
                p.attempts++;
                p.lastError = String.valueOf(e.getMessage());
                long seconds = Math.min(MAX_BACKOFF.toSeconds(), 1L << Math.min(p.attempts, 8));
                p.nextAttemptAt = Instant.now().plusSeconds(seconds);
                p.updatedAt = Instant.now();
            }).replaceWithVoid());
            return;
        }
        LOG.infof("Payout %s sent: disbursement %s %s", payout.id, disbursement.id(), disbursement.status());
        inTransaction(() -> locked(payout).invoke(p -> {
            if (Payout.PENDING.equals(p.status)) {
                p.status = Payout.REQUESTED;
                p.disbursementId = disbursement.id();
                p.attempts++;
                p.updatedAt = Instant.now();
            }
        }).replaceWithVoid());
        if (finished(disbursement)) {
            // a disbursement found by its idempotency key may be over already: apply its outcome now
            inTransaction(() -> payouts.outcome(payout.id, disbursement.id(), disbursement.status(), disbursement.amount(),
                    disbursement.failureCode()).replaceWithVoid());
        }
    }

    void reconcile(Payout payout) {
        Disbursement disbursement;
        try {
            disbursement = gateway.get(payout.disbursementId);
        } catch (RuntimeException e) {
            LOG.warnf("Payout %s: disbursement %s not looked up (will retry): %s", payout.id, payout.disbursementId,
                    e.toString());
            return;
        }
        if (finished(disbursement)) {
            LOG.infof("Payout %s: no callback yet, the gateway says %s", payout.id, disbursement.status());
            inTransaction(() -> payouts.outcome(payout.id, disbursement.id(), disbursement.status(), disbursement.amount(),
                    disbursement.failureCode()).replaceWithVoid());
        } else {
            inTransaction(() -> locked(payout).invoke(p -> p.updatedAt = Instant.now()).replaceWithVoid());
        }
    }

    private static boolean finished(Disbursement disbursement) {
        return Disbursement.COMPLETED.equals(disbursement.status()) || Disbursement.FAILED.equals(disbursement.status());
    }

    private static Uni<Payout> locked(Payout payout) {
        return Payout.findById(payout.id, LockModeType.PESSIMISTIC_WRITE);
    }

    private void inTransaction(java.util.function.Supplier<Uni<Void>> work) {
        safeContext.run(() -> Panache.withTransaction(work)).await().atMost(DB_TIMEOUT);
    }
}
