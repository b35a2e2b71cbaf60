package io.laku.settlement.payouts;

import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.settlement.PayoutCompleted;
import io.laku.contracts.settlement.PayoutFailed;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.settlement.balances.Payee;
import io.laku.settlement.ledger.Movement;
import io.laku.settlement.ledger.SettlementBook;
import io.laku.settlement.ledger.SettlementLedger;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Payouts (SPEC §8): a run makes one payout per payee whose balance is due ({@link PayoutDecision}); a payout's
 * outcome, from the gateway's callback or a look-up, is applied once: completed -> the balance goes down by what was
 * paid (a ledger entry), failed -> nothing was paid and the balance waits for the next run. Every change locks the
 * payee's row first, then the payout's, in that one order.
 */
@ApplicationScoped
public class Payouts {

    private static final Logger LOG = Logger.getLogger(Payouts.class);

    private static final String CANDIDATES = """
            select payee_id from ledger_entry
            group by payee_id, payee_kind
            having coalesce(sum(case when credit_account = payee_kind || '_payable:' || payee_id then amount else 0 end), 0)
                 - coalesce(sum(case when debit_account = payee_kind || '_payable:' || payee_id then amount else 0 end), 0) > 0
            order by payee_id""";

    @Inject
    SettlementLedger ledger;

    @Inject
    OutboxWriter outbox;

    public record Skipped(UUID payeeId, String reason, long balance) {
    }

    public record Run(long minimumAmount, List<PayoutView> payouts, List<Skipped> skipped) {
    }

    /** Must run in a transaction: each payee due gets one pending payout of its whole balance. */
    public Uni<Run> run(long minimum) {
        List<PayoutView> made = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        return Panache.getSession().chain(session -> session.<UUID>createNativeQuery(CANDIDATES).getResultList())
                .chain(payees -> inOrder(payees, payeeId -> lockedPayee(payeeId).chain(payee -> ledger
                        .balance(payeeId, payee.payeeKind())
                        .chain(balance -> Payout.count("payeeId = ?1 and status in ?2", payeeId,
                                        List.of(Payout.PENDING, Payout.REQUESTED))
                                .chain(inFlight -> {
                                    PayoutDecision.Decision decision = PayoutDecision.decide(balance, minimum,
                                            payee.hasBankAccount(), inFlight > 0);
                                    if (decision instanceof PayoutDecision.Skipped skip) {
                                        skipped.add(new Skipped(payeeId, skip.reason().name().toLowerCase(), balance));
                                        return Uni.createFrom().voidItem();
                                    }
                                    return create(payee, ((PayoutDecision.Pay) decision).amount())
                                            .invoke(p -> made.add(PayoutView.of(p))).replaceWithVoid();
                                })))))
                .invoke(() -> LOG.infof("Payout run (minimum %d): %d payouts of %d, %d payees skipped", minimum, made.size(),
                        made.stream().mapToLong(PayoutView::amount).sum(), skipped.size()))
                .map(ignored -> new Run(minimum, made, skipped));
    }

    private static Uni<Payout> create(Payee payee, long amount) {
        Instant now = Instant.now();
        Payout payout = new Payout();
        payout.id = UUID.randomUUID();
        payout.payeeId = payee.id;
        payout.amount = amount;
        payout.status = Payout.PENDING;
        payout.bankCode = payee.bankCode;
        payout.accountNumber = payee.accountNumber;
        payout.accountHolderName = payee.accountHolderName;
        payout.nextAttemptAt = now;
        payout.createdAt = now;
        payout.updatedAt = now;
        LOG.infof("Payout %s of %d to %s %s (%s %s)", payout.id, amount, payee.kind, payee.id, payee.bankCode,
                payee.accountNumber);
        return payout.persist();
    }

    /**
     * Applies what the gateway says became of a payout's disbursement, once.
     *
     * @return what happened: completed, failed, ignored (already final, or still pending) or amount_mismatch
     */
    public Uni<String> outcome(UUID payoutId, String disbursementId, String status, Long amount, String failureCode) {
        // the payee's id without loading the payout: it is read only once its row is locked, so never stale
        return Panache.getSession().chain(session -> session.<UUID>createNativeQuery(
                        "select payee_id from payout where id = ?1").setParameter(1, payoutId).getResultList())
                .chain(payees -> payees.isEmpty() ? Uni.createFrom().item(UNKNOWN) : lockedPayee(payees.getFirst())
                        .chain(payee -> Payout.<Payout>findById(payoutId, LockModeType.PESSIMISTIC_WRITE)
                                .chain(payout -> apply(payee, payout, disbursementId, status, amount, failureCode))));
    }

    /** The outcome of a payout or disbursement settlement does not know. */
    public static final String UNKNOWN = "unknown";

    private Uni<String> apply(Payee payee, Payout payout, String disbursementId, String status, Long amount,
            String failureCode) {
        if (payout.disbursementId != null && disbursementId != null && !payout.disbursementId.equals(disbursementId)) {
            return Uni.createFrom().item(UNKNOWN);
        }
        if (!payout.inFlight() || "PENDING".equals(status)) {
            return Uni.createFrom().item("ignored");
        }
        if (amount != null && amount != payout.amount) {
            LOG.errorf("Payout %s: the gateway reports %d paid, the payout is %d: not applied", payout.id, amount,
                    payout.amount);
            return Uni.createFrom().item("amount_mismatch");
        }
        Instant now = Instant.now();
        if (payout.disbursementId == null) {
            payout.disbursementId = disbursementId;
        }
        if ("COMPLETED".equals(status)) {
            return ledger.balance(payee.id, payee.payeeKind()).chain(balance -> {
                SettlementBook.requireCovered(balance, payout.amount);
                return ledger.post(Movement.payout(payout.id, payee.id, payee.payeeKind(), payout.amount), payout.id);
            }).chain(() -> {
                payout.status = Payout.COMPLETED;
                payout.completedAt = now;
                payout.updatedAt = now;
                LOG.infof("Payout %s completed: %d paid to %s %s", payout.id, payout.amount, payee.kind, payee.id);
                return outbox.publish(payee.id, PayoutCompleted.newBuilder()
                        .setPayoutId(payout.id.toString()).setPayeeId(payee.id.toString())
                        .setPayeeUserId(payee.userId.toString()).setPayeeKind(payee.kind)
                        .setAmount(payout.amount).setDisbursementId(payout.disbursementId).setCompletedAt(now).build());
            }).replaceWith("completed");
        }
        return fail(payee, payout, failureCode == null ? "UNKNOWN" : failureCode).replaceWith("failed");
    }

    /** The payout ended unpaid: the balance stays for the next run. */
    public Uni<Void> fail(Payee payee, Payout payout, String failureCode) {
        Instant now = Instant.now();
        payout.status = Payout.FAILED;
        payout.failureCode = failureCode;
        payout.updatedAt = now;
        LOG.warnf("Payout %s of %d to %s %s failed: %s", payout.id, payout.amount, payee.kind, payee.id, failureCode);
        return outbox.publish(payee.id, PayoutFailed.newBuilder()
                .setPayoutId(payout.id.toString()).setPayeeId(payee.id.toString())
                .setPayeeUserId(payee.userId.toString()).setPayeeKind(payee.kind).setAmount(payout.amount)
                .setFailureCode(failureCode).setFailedAt(now).build()).replaceWithVoid();
    }

    public static Uni<Payee> lockedPayee(UUID payeeId) {
        return Payee.findById(payeeId, LockModeType.PESSIMISTIC_WRITE);
    }
}
