package io.laku.wallet.account;

import io.laku.contracts.wallet.WalletCredited;
import io.laku.contracts.wallet.WalletDebited;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.PoisonEventException;
import io.laku.platform.web.ProblemException;
import io.laku.wallet.domain.Wallet;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Credits and debits, inside the caller's transaction. The wallet row is locked; a reference seen before on this
 * wallet from the same source is {@link Wallet#repeat}: the first movement again (nothing moves), or a conflict when
 * it asked for another kind or amount (unique (user, source, reference)). {@link Wallet#apply} decides the new
 * balance (never negative; the table checks it too).
 */
@ApplicationScoped
public class Wallets {

    private static final Logger LOG = Logger.getLogger(Wallets.class);

    private static final String CREATE = "insert into wallet (user_id) values (?1) on conflict do nothing";
    private static final String LOCK = "select balance from wallet where user_id = ?1 for update";
    private static final String FIND = """
            select id, kind, amount, balance_after, reference, reason, session_id, created_at, source
            from wallet_transaction where user_id = ?1 and source = ?2 and reference = ?3""";
    private static final String UPDATE = "update wallet set balance = ?2, updated_at = now() where user_id = ?1";
    private static final String INSERT = """
            insert into wallet_transaction (id, user_id, kind, amount, balance_after, reference, reason, session_id,
                                            created_at, source)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)""";
    private static final String BALANCE = "select balance from wallet where user_id = ?1";
    private static final String HISTORY = """
            select id, kind, amount, balance_after, reference, reason, session_id, created_at, source
            from wallet_transaction where user_id = ?1 order by created_at desc, id desc limit ?2 offset ?3""";
    private static final String COUNT = "select count(*) from wallet_transaction where user_id = ?1";

    public record Transaction(UUID id, String kind, long amount, long balanceAfter, String source, String reference,
            String reason, UUID sessionId, Instant createdAt) {
    }

    @Inject
    OutboxWriter outbox;

    /** A refund credited from payment's {@code RefundIssued}: the reference is the refund id. */
    public Uni<Transaction> credit(UUID userId, String reference, long amount, String reason, UUID sessionId) {
        return move(userId, Wallet.Source.REFUND, Wallet.Kind.CREDIT, reference, amount, reason, sessionId)
                .onFailure(Wallet.ReferenceConflict.class).transform(e -> new PoisonEventException(
                        "refund " + reference + " was announced again with another amount: " + e.getMessage(), e));
    }

    /** An admin's debit: the reference is the admin's idempotency key. */
    public Uni<Transaction> debit(UUID userId, String reference, long amount, String reason, UUID sessionId) {
        return move(userId, Wallet.Source.ADMIN, Wallet.Kind.DEBIT, reference, amount, reason, sessionId)
                .onFailure(Wallet.ReferenceConflict.class).transform(e -> ProblemException.conflict("reference-conflict",
                        e.getMessage(), "reference", Map.of("reference", reference,
                                "amount", ((Wallet.ReferenceConflict) e).first.amount(),
                                "kind", ((Wallet.ReferenceConflict) e).first.kind().name().toLowerCase())));
    }

    private Uni<Transaction> move(UUID userId, Wallet.Source source, Wallet.Kind kind, String reference, long amount,
            String reason, UUID sessionId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CREATE).setParameter(1, userId).executeUpdate()
                .chain(() -> session.createNativeQuery(LOCK, Long.class).setParameter(1, userId).getSingleResult())
                .chain(balance -> session.createNativeQuery(FIND, Object[].class).setParameter(1, userId)
                        .setParameter(2, code(source)).setParameter(3, reference).getResultList()
                        .chain(seen -> {
                            if (!seen.isEmpty()) {
                                Transaction first = transaction(seen.getFirst());
                                Wallet.repeat(new Wallet.Movement(source, reference,
                                        Wallet.Kind.valueOf(first.kind().toUpperCase()), first.amount(),
                                        first.balanceAfter()), kind, amount);
                                LOG.infof("Wallet %s: %s reference %s seen before; nothing moves", userId, code(source),
                                        reference);
                                return Uni.createFrom().item(first);
                            }
                            long after;
                            try {
                                after = Wallet.apply(balance, kind, amount);
                            } catch (Wallet.InsufficientFunds e) {
                                throw ProblemException.conflict("insufficient-funds", "The wallet holds " + e.balance
                                        + ", less than " + e.requested, "amount", Map.of("balance", e.balance));
                            } catch (IllegalArgumentException e) {
                                throw ProblemException.invalid("amount", e.getMessage());
                            }
                            Transaction tx = new Transaction(UUID.randomUUID(), kind.name().toLowerCase(), amount, after,
                                    code(source), reference, reason, sessionId, Instant.now());
                            return session.createNativeQuery(UPDATE).setParameter(1, userId).setParameter(2, after)
                                    .executeUpdate()
                                    .chain(() -> session.createNativeQuery(INSERT)
                                            .setParameter(1, tx.id()).setParameter(2, userId).setParameter(3, tx.kind())
                                            .setParameter(4, amount).setParameter(5, after).setParameter(6, reference)
                                            .setParameter(7, reason).setParameter(8, sessionId)
                                            .setParameter(9, tx.createdAt()).setParameter(10, tx.source())
                                            .executeUpdate())
                                    .chain(() -> outbox.publish(userId, kind == Wallet.Kind.CREDIT
                                            ? WalletCredited.newBuilder().setUserId(userId.toString())
                                                    .setTransactionId(tx.id().toString()).setAmount(amount)
                                                    .setBalanceAfter(after).setReference(reference).setReason(reason)
                                                    .setSessionId(sessionId == null ? null : sessionId.toString())
                                                    .setOccurredAt(tx.createdAt()).build()
                                            : WalletDebited.newBuilder().setUserId(userId.toString())
                                                    .setTransactionId(tx.id().toString()).setAmount(amount)
                                                    .setBalanceAfter(after).setReference(reference).setReason(reason)
                                                    .setSessionId(sessionId == null ? null : sessionId.toString())
                                                    .setOccurredAt(tx.createdAt()).build()))
                                    .invoke(() -> LOG.infof("Wallet %s: %s %d (%s), balance %d", userId, tx.kind(),
                                            amount, reference, after))
                                    .replaceWith(tx);
                        })));
    }

    public Uni<Long> balance(UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(BALANCE, Long.class)
                .setParameter(1, userId).getResultList())
                .map(rows -> rows.isEmpty() ? 0L : rows.getFirst());
    }

    public Uni<List<Transaction>> history(UUID userId, int page, int size) {
        return Panache.getSession().chain(session -> session.createNativeQuery(HISTORY, Object[].class)
                .setParameter(1, userId).setParameter(2, size).setParameter(3, page * size).getResultList())
                .map(rows -> rows.stream().map(Wallets::transaction).toList());
    }

    public Uni<Long> count(UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(COUNT, Long.class)
                .setParameter(1, userId).getSingleResult());
    }

    private static Transaction transaction(Object[] row) {
        return new Transaction((UUID) row[0], (String) row[1], ((Number) row[2]).longValue(),
                ((Number) row[3]).longValue(), (String) row[8], (String) row[4], (String) row[5], (UUID) row[6],
                instant(row[7]));
    }

    private static String code(Wallet.Source source) {
        return source.name().toLowerCase();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
            default -> null;
        };
    }
}
