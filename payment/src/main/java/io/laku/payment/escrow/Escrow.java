package io.laku.payment.escrow;

import static io.laku.platform.reactive.Sequence.inOrder;

import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.payment.RefundReason;
import io.laku.contracts.session.ConfirmedParticipant;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.payment.ledger.Accounts;
import io.laku.payment.ledger.EscrowRules;
import io.laku.payment.ledger.Ledger;
import io.laku.platform.eventing.OutboxWriter;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The escrow of each seat, driven by the session's events (SPEC §5 steps 2 and 6). Every method runs
 * inside the caller's transaction (the consumer's, with its inbox row) and is idempotent on its own
 * too: joins are unique per participant, and every money movement has a ledger reference.
 */
@ApplicationScoped
public class Escrow {

    private static final Logger LOG = Logger.getLogger(Escrow.class);

    private static final String OPEN_SESSION = """
            insert into session_account (session_id, factory_id, state) values (?1, ?2, 'open')
            on conflict (session_id) do nothing""";
    private static final String END_SESSION = """
            insert into session_account (session_id, factory_id, state) values (?1, ?2, ?3)
            on conflict (session_id) do update set state = excluded.state, updated_at = now()
            where session_account.state = 'open'""";
    private static final String NEW_PAYMENT = """
            insert into payment (id, session_id, participant_id, user_id, amount, status)
            values (?1, ?2, ?3, ?4, ?5, 'pending_invoice') on conflict (participant_id) do nothing""";

    @Inject
    Ledger ledger;

    @Inject
    OutboxWriter outbox;

    /** A seat was taken: its escrow payment, waiting for the invoice worker to open the invoice. */
    public Uni<Void> joined(ParticipantJoined joined) {
        if (joined.getAmountDue() <= 0) {
            LOG.warnf("Participant %s joined with nothing due (%d): no escrow", joined.getParticipantId(), joined.getAmountDue());
            return Uni.createFrom().voidItem();
        }
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN_SESSION)
                .setParameter(1, UUID.fromString(joined.getSessionId()))
                .setParameter(2, UUID.fromString(joined.getFactoryId()))
                .executeUpdate()
                .chain(() -> session.createNativeQuery(NEW_PAYMENT)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, UUID.fromString(joined.getSessionId()))
                        .setParameter(3, UUID.fromString(joined.getParticipantId()))
                        .setParameter(4, UUID.fromString(joined.getUserId()))
                        .setParameter(5, joined.getAmountDue())
                        .executeUpdate()))
                .invoke(created -> LOG.infof("Escrow payment for participant %s: %s", joined.getParticipantId(),
                        created == 1 ? "created" : "already there"))
                .replaceWithVoid();
    }

    /** The session ended at a tier: each participant's tier refund leaves escrow for their wallet. */
    public Uni<Void> confirmed(SessionConfirmed confirmed) {
        UUID sessionId = UUID.fromString(confirmed.getSessionId());
        return endSession(sessionId, UUID.fromString(confirmed.getFactoryId()), SessionAccount.CONFIRMED)
                .chain(() -> inOrder(confirmed.getParticipants(), (ConfirmedParticipant p) -> p.getRefundDue() <= 0
                        ? Uni.createFrom().voidItem()
                        : lockedByParticipant(UUID.fromString(p.getParticipantId())).chain(payment -> {
                            if (payment == null || !Payment.PAID.equals(payment.status)) {
                                LOG.errorf("Tier refund of %d for participant %s: no paid escrow (%s)", p.getRefundDue(),
                                        p.getParticipantId(), payment == null ? "no payment" : payment.status);
                                return Uni.createFrom().voidItem();
                            }
                            return refund(payment, p.getRefundDue(), RefundReason.TIER);
                        })))
                .chain(() -> closeOpenSeats(sessionId));
    }

    /** The session failed or was cancelled: every paid seat is refunded in full, open invoices are expired. */
    public Uni<Void> ended(UUID sessionId, UUID factoryId, String state, RefundReason reason) {
        return endSession(sessionId, factoryId, state)
                .chain(() -> Payment.<Payment>find("sessionId = ?1 order by createdAt, id", sessionId)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).list())
                .chain(payments -> inOrder(payments, payment -> {
                    if (Payment.PAID.equals(payment.status)) {
                        return refund(payment, payment.amount, reason);
                    }
                    close(payment);
                    return Uni.createFrom().voidItem();
                }));
    }

    /** A participant left a forming session: a paid seat is refunded in full, an open invoice expired. */
    public Uni<Void> left(ParticipantLeft left) {
        return lockedByParticipant(UUID.fromString(left.getParticipantId())).chain(payment -> {
            if (payment == null) {
                return Uni.createFrom().voidItem();
            }
            if (Payment.PAID.equals(payment.status)) {
                return refund(payment, payment.amount, RefundReason.PARTICIPANT_LEFT);
            }
            close(payment);
            return Uni.createFrom().voidItem();
        });
    }

    /** Production is done (or was implied by stock on hand): release now if the orders exist, else when they do. */
    public Uni<Void> productionCompleted(ProductionCompleted completed) {
        UUID sessionId = UUID.fromString(completed.getSessionId());
        UUID factoryId = UUID.fromString(completed.getFactoryId());
        return Panache.getSession().chain(session -> session.createNativeQuery(OPEN_SESSION)
                        .setParameter(1, sessionId).setParameter(2, factoryId).executeUpdate())
                .chain(() -> SessionAccount.<SessionAccount>findById(sessionId, LockModeType.PESSIMISTIC_WRITE))
                .chain(account -> {
                    if (account.productionCompletedAt == null) {
                        account.productionCompletedAt = completed.getCompletedAt();
                    }
                    return releaseIfDue(account);
                });
    }

    /** The session's orders exist: release now if production is done, else when it is. */
    public Uni<Void> ordersCreated(UUID sessionId, int orders) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into session_orders (session_id, orders) values (?1, ?2)
                        on conflict (session_id) do nothing""")
                        .setParameter(1, sessionId).setParameter(2, orders).executeUpdate())
                .chain(() -> SessionAccount.<SessionAccount>findById(sessionId, LockModeType.PESSIMISTIC_WRITE))
                .chain(account -> account == null ? Uni.createFrom().voidItem() : releaseIfDue(account));
    }

    /**
     * The saga's last step (SPEC §5.6): once orders exist and production is done, what remains in the session's
     * escrow goes to the factory's payable, once.
     */
    private Uni<Void> releaseIfDue(SessionAccount account) {
        UUID sessionId = account.sessionId;
        UUID factoryId = account.factoryId;
        return Panache.getSession().chain(session -> session.createNativeQuery(
                                "select count(*) from session_orders where session_id = ?1", Long.class)
                        .setParameter(1, sessionId).getSingleResult())
                .chain(orders -> {
                    if (!account.releaseDue(orders > 0)) {
                        LOG.infof("Escrow of session %s: not released now (state %s, production %s, orders %s)",
                                sessionId, account.state, account.productionCompletedAt, orders > 0);
                        return Uni.createFrom().voidItem();
                    }
                    return ledger.balance(sessionId).chain(balance -> {
                        Uni<Boolean> moved = balance.escrowBalance() > 0
                                ? ledger.post("release:" + sessionId, Accounts.escrow(sessionId),
                                        Accounts.factoryPayable(factoryId), balance.escrowBalance(), Ledger.RELEASE,
                                        sessionId, null)
                                : Uni.createFrom().item(false);
                        return moved.chain(() -> {
                            account.state = SessionAccount.RELEASED;
                            account.updatedAt = Instant.now();
                            return outbox.publish(sessionId, EscrowReleased.newBuilder()
                                    .setSessionId(sessionId.toString())
                                    .setFactoryId(factoryId.toString())
                                    .setAmount(balance.escrowBalance())
                                    .setPaidIn(balance.paidIn())
                                    .setRefunded(balance.refunded())
                                    .setReleasedAt(Instant.now())
                                    .build());
                        }).invoke(() -> LOG.infof("Released %d of session %s to factory %s", balance.escrowBalance(),
                                sessionId, factoryId));
                    });
                })
                .replaceWithVoid();
    }

    /**
     * Moves part or all of a seat's escrow to the customer's wallet, once per (payment, reason): the
     * ledger reference makes a repeat move nothing, and the refund id is derived from it, so the
     * wallet's own idempotency sees the same refund however often it is announced.
     */
    public Uni<Void> refund(Payment payment, long requested, RefundReason reason) {
        long amount = EscrowRules.refundable(payment.amount, payment.refunded, requested);
        if (amount == 0) {
            LOG.infof("Nothing left to refund on payment %s (%s)", payment.id, reason);
            return Uni.createFrom().voidItem();
        }
        String reference = "refund:" + payment.id + ":" + reason;
        return ledger.post(reference, Accounts.escrow(payment.sessionId), Accounts.WALLET_LIABILITY, amount,
                        Ledger.REFUND, payment.sessionId, payment.id)
                .chain(moved -> {
                    if (!moved) {
                        return Uni.createFrom().voidItem();
                    }
                    payment.refunded += amount;
                    payment.updatedAt = Instant.now();
                    UUID refundId = UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8));
                    LOG.infof("Refund %s: %d of payment %s to the wallet of %s (%s)", refundId, amount, payment.id,
                            payment.userId, reason);
                    return outbox.publish(payment.sessionId, RefundIssued.newBuilder()
                            .setSessionId(payment.sessionId.toString())
                            .setRefundId(refundId.toString())
                            .setPaymentId(payment.id.toString())
                            .setParticipantId(payment.participantId.toString())
                            .setUserId(payment.userId.toString())
                            .setAmount(amount)
                            .setReason(reason)
                            .setIssuedAt(Instant.now())
                            .build()).replaceWithVoid();
                });
    }

    /** An unpaid seat ended: no invoice yet means none will be made; an open invoice is expired at the gateway. */
    static void close(Payment payment) {
        if (Payment.PENDING_INVOICE.equals(payment.status)) {
            payment.status = Payment.CANCELLED;
            payment.updatedAt = Instant.now();
        } else if (Payment.AWAITING_PAYMENT.equals(payment.status) && !payment.expireRequested) {
            payment.expireRequested = true;
            payment.updatedAt = Instant.now();
        }
    }

    private Uni<Void> closeOpenSeats(UUID sessionId) {
        return Payment.<Payment>find("sessionId = ?1 and status in ?2 order by createdAt, id", sessionId,
                        List.of(Payment.PENDING_INVOICE, Payment.AWAITING_PAYMENT))
                .withLock(LockModeType.PESSIMISTIC_WRITE).list()
                .invoke(open -> open.forEach(Escrow::close))
                .replaceWithVoid();
    }

    private Uni<Void> endSession(UUID sessionId, UUID factoryId, String state) {
        return Panache.getSession().chain(session -> session.createNativeQuery(END_SESSION)
                .setParameter(1, sessionId).setParameter(2, factoryId).setParameter(3, state)
                .executeUpdate()).replaceWithVoid();
    }

    private static Uni<Payment> lockedByParticipant(UUID participantId) {
        return Payment.<Payment>find("participantId", participantId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }

}
