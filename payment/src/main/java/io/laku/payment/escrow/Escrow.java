package io.laku.payment.escrow;

import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.payment.RefundReason;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatOutcome;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionEnd;
import io.laku.payment.ledger.Accounts;
import io.laku.payment.ledger.EscrowRules;
import io.laku.payment.ledger.Ledger;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.PoisonEventException;
import io.laku.platform.sql.MultiRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * The escrow of each seat, driven by the session's events (SPEC §5 steps 2 and 6). Every method runs inside the
 * caller's transaction (the consumer's, with its inbox row) and is idempotent on its own too: joins are unique per
 * participant, a seat's part of the outcome is recorded once, and every money movement has a ledger reference.
 *
 * <p>Payment's own rule for money at the edges (SPEC §5): money captured for a seat that is not a paid participant of
 * the outcome (dropped at the end, left, paid after its invoice expired or after the outcome) goes back to the
 * customer's wallet in full, once, as a late payment. Every path that moves a seat's money locks the session's
 * account first ({@link #lockAccount}), so a callback and the outcome never interleave. Money of a paid amount
 * different from the invoice's is refunded in full as well ({@link #refundCapture}, AMOUNT_MISMATCH), and the seat
 * stays unpaid.
 */
@ApplicationScoped
public class Escrow {

    private static final Logger LOG = Logger.getLogger(Escrow.class);

    private static final String OPEN_SESSION = """
            insert into session_account (session_id, factory_id, state) values (?1, ?2, 'open')
            on conflict (session_id) do nothing""";

    @Inject
    Ledger ledger;

    @Inject
    OutboxWriter outbox;

    /**
     * Seats taken, a run of ParticipantJoined at a time: each seat's escrow payment, waiting for the invoice worker to
     * open its invoice, and the sessions' accounts, in multi-row inserts (a join that was seen before adds nothing).
     */
    public Uni<Void> joined(List<ParticipantJoined> joins) {
        Map<UUID, UUID> sessions = new LinkedHashMap<>();
        List<ParticipantJoined> due = new ArrayList<>();
        for (ParticipantJoined joined : joins) {
            if (joined.getAmountDue() <= 0) {
                LOG.warnf("Participant %s joined with nothing due (%d): no escrow", joined.getParticipantId(),
                        joined.getAmountDue());
                continue;
            }
            sessions.putIfAbsent(UUID.fromString(joined.getSessionId()), UUID.fromString(joined.getFactoryId()));
            due.add(joined);
        }
        if (due.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<Map.Entry<UUID, UUID>> accounts = new ArrayList<>(sessions.entrySet());
        return Panache.getSession().chain(session -> {
            Uni<Integer> chain = Uni.createFrom().item(0);
            for (List<Map.Entry<UUID, UUID>> chunk : MultiRow.chunks(accounts)) {
                chain = chain.chain(() -> {
                    var insert = session.createNativeQuery("insert into session_account (session_id, factory_id, state) "
                            + "values " + MultiRow.tuples(chunk.size(), 3) + " on conflict (session_id) do nothing");
                    int p = 1;
                    for (Map.Entry<UUID, UUID> account : chunk) {
                        insert.setParameter(p++, account.getKey()).setParameter(p++, account.getValue())
                                .setParameter(p++, SessionAccount.OPEN);
                    }
                    return insert.executeUpdate();
                });
            }
            for (List<ParticipantJoined> chunk : MultiRow.chunks(due)) {
                chain = chain.chain(() -> {
                    var insert = session.createNativeQuery("insert into payment (id, session_id, participant_id, user_id, "
                            + "amount, status) values " + MultiRow.tuples(chunk.size(), 6)
                            + " on conflict (participant_id) do nothing");
                    int p = 1;
                    for (ParticipantJoined joined : chunk) {
                        insert.setParameter(p++, UUID.randomUUID())
                                .setParameter(p++, UUID.fromString(joined.getSessionId()))
                                .setParameter(p++, UUID.fromString(joined.getParticipantId()))
                                .setParameter(p++, UUID.fromString(joined.getUserId()))
                                .setParameter(p++, joined.getAmountDue())
                                .setParameter(p++, Payment.PENDING_INVOICE);
                    }
                    return insert.executeUpdate();
                });
            }
            return chain;
        }).invoke(created -> LOG.debugf("Escrow payments for %d joins", due.size())).replaceWithVoid();
    }

    /**
     * The session's outcome arrived (confirmed, failed or cancelled): from now on a paid callback is a late payment,
     * and the outcome is complete once its {@code seats} SeatSettled events are applied.
     */
    public Uni<Void> outcome(UUID sessionId, UUID factoryId, String state, int seats) {
        return lockAccount(sessionId, factoryId).chain(account -> {
            if (account.seatsExpected != null) {
                LOG.infof("Session %s: outcome already known (%s)", sessionId, account.state);
                return Uni.createFrom().voidItem();
            }
            account.state = state;
            account.seatsExpected = seats;
            account.updatedAt = Instant.now();
            LOG.infof("Session %s %s: %d seats to settle", sessionId, state, seats);
            return releaseIfDue(account);
        });
    }

    /**
     * Seats' parts of the outcome (SPEC §4, §5), a run of SeatSettled at a time: a confirmed seat's tier refund, a
     * failed or cancelled session's seat refunded in full, or a seat still unpaid at the end closed; if the customer
     * paid it meanwhile (the callback came before payment heard of the outcome), the money is a late payment and goes
     * back in full. Each seat counts once, so the escrow left when the outcome is complete is exactly what the
     * confirmed seats owe the factory. A session's seats of the run take a few statements together, whatever their
     * number: one lock of their payments, the refunds' ledger entries and events in multi-row inserts.
     */
    public Uni<Void> seatsSettled(List<SeatSettled> seats) {
        Map<UUID, List<SeatSettled>> bySession = new LinkedHashMap<>();
        seats.forEach(seat -> bySession.computeIfAbsent(UUID.fromString(seat.getSessionId()), id -> new ArrayList<>())
                .add(seat));
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Map.Entry<UUID, List<SeatSettled>> session : bySession.entrySet()) {
            chain = chain.chain(() -> settleSeats(session.getKey(), session.getValue()));
        }
        return chain;
    }

    private Uni<Void> settleSeats(UUID sessionId, List<SeatSettled> seats) {
        List<UUID> participants = seats.stream().map(seat -> UUID.fromString(seat.getParticipantId())).toList();
        // the account exists: the seats' joins opened it
        return lockAccount(sessionId, null).chain(account -> Payment.<Payment>find("participantId in ?1 order by id", participants)
                .withLock(LockModeType.PESSIMISTIC_WRITE).list().chain(locked -> {
                    Map<UUID, Payment> byParticipant = new HashMap<>();
                    locked.forEach(payment -> byParticipant.put(payment.participantId, payment));
                    Instant now = Instant.now();
                    List<Refund> refunds = new ArrayList<>();
                    for (SeatSettled seat : seats) {
                        Payment payment = byParticipant.get(UUID.fromString(seat.getParticipantId()));
                        if (payment != null && payment.seatOutcome != null) {
                            LOG.debugf("Seat %s already settled (%s)", seat.getParticipantId(), payment.seatOutcome);
                            continue;
                        }
                        account.seatsSettled++;
                        if (payment == null) {
                            LOG.errorf("Seat %s of session %s settled %s, but there is no escrow payment for it",
                                    seat.getParticipantId(), sessionId, seat.getOutcome());
                            continue;
                        }
                        payment.seatOutcome = seat.getOutcome().name().toLowerCase();
                        payment.finalAmount = seat.getOutcome() == SeatOutcome.CONFIRMED
                                ? Math.multiplyExact(seat.getFinalUnitPrice(), seat.getQuantity()) : 0L;
                        payment.updatedAt = now;
                        Refund refund = settle(payment, seat, now);
                        if (refund != null) {
                            refunds.add(refund);
                        }
                    }
                    account.updatedAt = now;
                    LOG.debugf("Session %s: %d seats settled (%d of %s), %d refunds", sessionId, seats.size(),
                            account.seatsSettled, account.seatsExpected, refunds.size());
                    return refundAll(refunds).chain(() -> releaseIfDue(account));
                }));
    }

    /** The refund a settled seat is owed, if any (the seat's payment is updated in place). */
    private static Refund settle(Payment payment, SeatSettled seat, Instant now) {
        boolean paid = Payment.PAID.equals(payment.status);
        return switch (seat.getOutcome()) {
            case CONFIRMED -> {
                if (!paid) {
                    LOG.errorf("Seat %s is confirmed but its payment is %s", payment.participantId, payment.status);
                    yield null;
                }
                yield seat.getRefundDue() > 0 ? new Refund(payment, seat.getRefundDue(), RefundReason.TIER) : null;
            }
            case REFUNDED -> paid ? new Refund(payment, payment.amount, seat.getSessionOutcome() == SessionEnd.CANCELLED
                    ? RefundReason.SESSION_CANCELLED : RefundReason.SESSION_FAILED) : null;
            case DROPPED -> {
                if (paid) {
                    LOG.infof("Seat %s was paid after group-buying closed it unpaid: a late payment, refunded in full",
                            payment.participantId);
                    payment.status = Payment.LATE_PAID;
                    payment.seatEndedAt = now;
                    yield new Refund(payment, payment.amount, RefundReason.LATE_PAYMENT);
                }
                payment.seatEnded(now);
                yield null;
            }
            case OTHER -> throw new PoisonEventException("SeatSettled of participant " + seat.getParticipantId()
                    + " has an outcome this version of payment does not know");
        };
    }

    /** A participant left a forming session: a paid seat is refunded in full, an open invoice expired. */
    public Uni<Void> left(ParticipantLeft left) {
        return lockAccount(UUID.fromString(left.getSessionId()), null)
                .chain(() -> lockedByParticipant(UUID.fromString(left.getParticipantId())))
                .chain(payment -> {
                    if (payment == null) {
                        return Uni.createFrom().voidItem();
                    }
                    if (Payment.PAID.equals(payment.status)) {
                        return refund(payment, payment.amount, RefundReason.PARTICIPANT_LEFT);
                    }
                    payment.seatEnded(Instant.now());
                    return Uni.createFrom().voidItem();
                });
    }

    /** Production is done (or was implied by stock on hand): release now if the orders exist, else when they do. */
    public Uni<Void> productionCompleted(ProductionCompleted completed) {
        return lockAccount(UUID.fromString(completed.getSessionId()), UUID.fromString(completed.getFactoryId()))
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
     * The saga's last step (SPEC §5.6): once the outcome is complete, orders exist and production is done, what remains
     * in the session's escrow goes to the factory's payable, once.
     */
    private Uni<Void> releaseIfDue(SessionAccount account) {
        UUID sessionId = account.sessionId;
        UUID factoryId = account.factoryId;
        if (!account.releaseDue(true)) {
            return Uni.createFrom().voidItem(); // not even with orders: no need to ask whether they exist
        }
        return Panache.getSession().chain(session -> session.<Long>createNativeQuery(
                                "select count(*) from session_orders where session_id = ?1")
                        .setParameter(1, sessionId).getSingleResult())
                .chain(orders -> {
                    if (!account.releaseDue(orders > 0)) {
                        LOG.debugf("Escrow of session %s: not released now (state %s, seats %d/%s, production %s, "
                                + "orders %s)", sessionId, account.state, account.seatsSettled, account.seatsExpected,
                                account.productionCompletedAt, orders > 0);
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

    /** Part or all of a seat's escrow, owed back to the customer. */
    private record Refund(Payment payment, long requested, RefundReason reason) {
    }

    /**
     * Moves part or all of a seat's escrow to the customer's wallet, once per (payment, reason): the
     * ledger reference makes a repeat move nothing, and the refund id is derived from it, so the
     * wallet's own idempotency sees the same refund however often it is announced.
     */
    public Uni<Void> refund(Payment payment, long requested, RefundReason reason) {
        return refundAll(List.of(new Refund(payment, requested, reason)));
    }

    /** {@link #refund} for several payments (each at most once in the list) in a few statements. */
    private Uni<Void> refundAll(List<Refund> refunds) {
        List<Ledger.Posting> postings = new ArrayList<>();
        Map<String, Refund> byReference = new HashMap<>();
        Map<String, Long> amounts = new HashMap<>();
        for (Refund refund : refunds) {
            Payment payment = refund.payment();
            long amount = EscrowRules.refundable(payment.amount, payment.refunded, refund.requested());
            if (amount == 0) {
                LOG.infof("Nothing left to refund on payment %s (%s)", payment.id, refund.reason());
                continue;
            }
            String reference = "refund:" + payment.id + ":" + refund.reason();
            postings.add(new Ledger.Posting(reference, Accounts.escrow(payment.sessionId), Accounts.WALLET_LIABILITY,
                    amount, Ledger.REFUND, payment.sessionId, null, payment.id, null));
            byReference.put(reference, refund);
            amounts.put(reference, amount);
        }
        if (postings.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        return ledger.postAll(postings).chain(moved -> {
            Instant now = Instant.now();
            Map<UUID, List<RefundIssued>> announced = new LinkedHashMap<>();
            for (Ledger.Posting posting : postings) {
                if (!moved.contains(posting.reference())) {
                    continue;
                }
                Refund refund = byReference.get(posting.reference());
                Payment payment = refund.payment();
                long amount = amounts.get(posting.reference());
                payment.refunded += amount;
                payment.updatedAt = now;
                announced.computeIfAbsent(payment.sessionId, id -> new ArrayList<>())
                        .add(refundIssued(payment, posting.reference(), amount, refund.reason(), now));
                // one refund is worth its line; a run's are summed up below
                LOG.logf(postings.size() == 1 ? Logger.Level.INFO : Logger.Level.DEBUG, "Refund of %d for payment %s "
                        + "to the wallet of %s (%s)", amount, payment.id, payment.userId, refund.reason());
            }
            if (postings.size() > 1) {
                announced.forEach((session, issued) -> LOG.infof("Session %s: %d refunds to wallets, %d in all", session,
                        issued.size(), issued.stream().mapToLong(RefundIssued::getAmount).sum()));
            }
            Uni<Void> chain = Uni.createFrom().voidItem();
            for (Map.Entry<UUID, List<RefundIssued>> session : announced.entrySet()) {
                chain = chain.chain(() -> outbox.publishAll(session.getKey(), session.getValue()));
            }
            return chain;
        });
    }

    /**
     * Money the gateway captured that cannot pay the seat (a paid amount different from the invoice's): it passes
     * through the session's escrow straight back to the customer's wallet, in full, once per capture (the ledger
     * references name the amount, so a different wrong amount is another capture). The seat's own escrow
     * ({@code payment.refunded}) is untouched: the seat stays unpaid.
     */
    public Uni<Void> refundCapture(Payment payment, long captured, RefundReason reason) {
        if (captured <= 0) {
            return Uni.createFrom().voidItem();
        }
        String capture = capture(payment.id, reason, captured);
        String reference = "refund:" + capture;
        return ledger.post("escrow-in:" + capture, Accounts.GATEWAY_CLEARING, Accounts.escrow(payment.sessionId), captured,
                        Ledger.ESCROW_IN, payment.sessionId, payment.id)
                .chain(() -> ledger.post(reference, Accounts.escrow(payment.sessionId), Accounts.WALLET_LIABILITY,
                        captured, Ledger.REFUND, payment.sessionId, payment.id))
                .chain(moved -> moved ? announceRefund(payment, reference, captured, reason) : Uni.createFrom().voidItem());
    }

    /** The refund id of a captured amount given back ({@link #refundCapture}); the wallet's reference. */
    public static UUID captureRefundId(UUID paymentId, RefundReason reason, long captured) {
        return refundId("refund:" + capture(paymentId, reason, captured));
    }

    private static String capture(UUID paymentId, RefundReason reason, long captured) {
        return paymentId + ":" + reason + ":" + captured;
    }

    private static UUID refundId(String reference) {
        return UUID.nameUUIDFromBytes(reference.getBytes(StandardCharsets.UTF_8));
    }

    private static RefundIssued refundIssued(Payment payment, String reference, long amount, RefundReason reason,
            Instant now) {
        UUID refundId = refundId(reference);
        return RefundIssued.newBuilder()
                .setSessionId(payment.sessionId.toString())
                .setRefundId(refundId.toString())
                .setPaymentId(payment.id.toString())
                .setParticipantId(payment.participantId.toString())
                .setUserId(payment.userId.toString())
                .setAmount(amount)
                .setReason(reason)
                .setIssuedAt(now)
                .build();
    }

    private Uni<Void> announceRefund(Payment payment, String reference, long amount, RefundReason reason) {
        LOG.infof("Refund of %d for payment %s to the wallet of %s (%s)", amount, payment.id, payment.userId, reason);
        return outbox.publish(payment.sessionId, refundIssued(payment, reference, amount, reason, Instant.now()))
                .replaceWithVoid();
    }

    /**
     * The session's account, created if this is the first fact about it, and locked for the rest of the transaction.
     * Every path that moves a seat's money takes it first (the outcome, each seat, a leave, a gateway callback), so a
     * payment at the deadline and the outcome that leaves the seat out never interleave.
     *
     * @param factoryId null when the caller does not know it: the account then exists already (the seat's join made it)
     */
    public static Uni<SessionAccount> lockAccount(UUID sessionId, UUID factoryId) {
        Uni<Integer> ensure = factoryId == null ? Uni.createFrom().item(0)
                : Panache.getSession().chain(session -> session.createNativeQuery(OPEN_SESSION)
                        .setParameter(1, sessionId).setParameter(2, factoryId).executeUpdate());
        return ensure.chain(() -> SessionAccount.<SessionAccount>findById(sessionId, LockModeType.PESSIMISTIC_WRITE));
    }

    private static Uni<Payment> lockedByParticipant(UUID participantId) {
        return Payment.<Payment>find("participantId", participantId).withLock(LockModeType.PESSIMISTIC_WRITE).firstResult();
    }
}
