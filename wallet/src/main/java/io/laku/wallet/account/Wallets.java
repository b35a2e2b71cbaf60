package io.laku.wallet.account;

import io.laku.contracts.wallet.WalletCredited;
import io.laku.contracts.wallet.WalletDebited;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.eventing.PoisonEventException;
import io.laku.platform.sql.MultiRow;
import io.laku.platform.web.ProblemException;
import io.laku.wallet.domain.Wallet;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.IntStream;
import org.apache.avro.specific.SpecificRecord;
import org.hibernate.reactive.mutiny.Mutiny;
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

    /** A refund to credit: payment's {@code RefundIssued} or {@code DirectPaymentRefunded}; the reference is the refund id. */
    public record Credit(UUID userId, String reference, long amount, String reason, UUID sessionId) {
    }

    /**
     * Refunds credited from a run of payment's events, in a few statements whatever their number (a session's tier
     * refunds): one lock of the wallets, one look for references seen before, multi-row writes.
     */
    public Uni<Void> creditAll(List<Credit> credits) {
        return moveAll(credits.stream().map(c -> new Request(c.userId(), Wallet.Source.REFUND, Wallet.Kind.CREDIT,
                        c.reference(), c.amount(), c.reason(), c.sessionId())).toList())
                .onFailure(Wallet.ReferenceConflict.class).transform(e -> new PoisonEventException(
                        "refund " + ((Wallet.ReferenceConflict) e).first.reference()
                                + " was announced again with another amount: " + e.getMessage(), e))
                .invoke(moved -> {
                    if (moved.size() > 1) {
                        LOG.infof("Wallets: %d refunds credited, %d in all", moved.size(),
                                moved.stream().mapToLong(Transaction::amount).sum());
                    }
                })
                .replaceWithVoid();
    }

    /** An admin's debit: the reference is the admin's idempotency key. */
    public Uni<Transaction> debit(UUID userId, String reference, long amount, String reason, UUID sessionId) {
        return moveAll(List.of(new Request(userId, Wallet.Source.ADMIN, Wallet.Kind.DEBIT, reference, amount, reason,
                        sessionId)))
                .map(List::getFirst)
                .onFailure(Wallet.ReferenceConflict.class).transform(e -> ProblemException.conflict("reference-conflict",
                        e.getMessage(), "reference", Map.of("reference", reference,
                                "amount", ((Wallet.ReferenceConflict) e).first.amount(),
                                "kind", ((Wallet.ReferenceConflict) e).first.kind().name().toLowerCase())));
    }

    private record Request(UUID userId, Wallet.Source source, Wallet.Kind kind, String reference, long amount,
            String reason, UUID sessionId) {
    }

    private static final String FIND_SEEN = """
            select id, kind, amount, balance_after, reference, reason, session_id, created_at, source, user_id
            from wallet_transaction where (user_id, source, reference) in (%s)""";
    private static final String UPDATE_BALANCES = """
            update wallet w set balance = v.balance, updated_at = now()
            from (values %s) v(user_id, balance) where w.user_id = v.user_id""";
    private static final String INSERT = """
            insert into wallet_transaction (id, user_id, kind, amount, balance_after, reference, reason, session_id,
                                            created_at, source)
            values %s""";

    /**
     * Movements in order, inside the caller's transaction: the wallets are created if new and locked (in user order,
     * so two runs never deadlock), a reference seen before is a repeat ({@link Wallet#repeat}), and
     * {@link Wallet#apply} decides each new balance. Returns each request's transaction (the first one for a repeat).
     */
    private Uni<List<Transaction>> moveAll(List<Request> requests) {
        List<UUID> users = requests.stream().map(Request::userId).distinct().sorted().toList();
        Uni<List<Object[]>> locked = Uni.createFrom().voidItem().chain(() -> Panache.getSession()).chain(session -> {
            Uni<List<Object[]>> chain = Uni.createFrom().item(new ArrayList<>());
            for (List<UUID> chunk : MultiRow.chunks(users)) {
                chain = chain.call(() -> update(session, "insert into wallet (user_id) values " + MultiRow.tuples(chunk.size(), 1)
                                + " on conflict do nothing", chunk))
                        .call(rows -> select(session, "select user_id, balance from wallet where user_id in ("
                                + MultiRow.tuples(chunk.size(), 1) + ") order by user_id for update", chunk).invoke(rows::addAll));
            }
            return chain;
        });
        return locked.chain(rows -> Panache.getSession().chain(session -> {
            Map<UUID, Long> balances = new HashMap<>();
            rows.forEach(row -> balances.put((UUID) row[0], ((Number) row[1]).longValue()));
            Uni<List<Object[]>> seen = Uni.createFrom().item(new ArrayList<>());
            for (List<Request> chunk : MultiRow.chunks(requests)) {
                List<Object> keys = new ArrayList<>();
                chunk.forEach(r -> keys.addAll(List.of(r.userId(), code(r.source()), r.reference())));
                seen = seen.call(found -> select(session, FIND_SEEN.formatted(MultiRow.tuples(chunk.size(), 3)), keys)
                        .invoke(found::addAll));
            }
            return seen.chain(seenRows -> apply(session, requests, balances, seenRows));
        }));
    }

    private Uni<List<Transaction>> apply(Mutiny.Session session, List<Request> requests, Map<UUID, Long> balances,
            List<Object[]> seenRows) {
        Map<String, Transaction> seen = new HashMap<>();
        seenRows.forEach(row -> seen.put(key((UUID) row[9], (String) row[8], (String) row[4]), transaction(row)));
        List<Transaction> results = new ArrayList<>();
        List<Request> moving = new ArrayList<>();
        List<Transaction> written = new ArrayList<>();
        for (Request r : requests) {
            Transaction first = seen.get(key(r.userId(), code(r.source()), r.reference()));
            if (first != null) {
                Wallet.repeat(new Wallet.Movement(r.source(), r.reference(),
                        Wallet.Kind.valueOf(first.kind().toUpperCase()), first.amount(), first.balanceAfter()),
                        r.kind(), r.amount());
                LOG.infof("Wallet %s: %s reference %s seen before; nothing moves", r.userId(), code(r.source()),
                        r.reference());
                results.add(first);
                continue;
            }
            long after;
            try {
                after = Wallet.apply(balances.get(r.userId()), r.kind(), r.amount());
            } catch (Wallet.InsufficientFunds e) {
                throw ProblemException.conflict("insufficient-funds", "The wallet holds " + e.balance
                        + ", less than " + e.requested, "amount", Map.of("balance", e.balance));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("amount", e.getMessage());
            }
            balances.put(r.userId(), after);
            Transaction tx = new Transaction(UUID.randomUUID(), r.kind().name().toLowerCase(), r.amount(), after,
                    code(r.source()), r.reference(), r.reason(), r.sessionId(), Instant.now());
            seen.put(key(r.userId(), tx.source(), r.reference()), tx);
            results.add(tx);
            moving.add(r);
            written.add(tx);
            // a run's movements are summed up by the caller; one movement alone is worth its line
            LOG.logf(requests.size() == 1 ? Logger.Level.INFO : Logger.Level.DEBUG, "Wallet %s: %s %d (%s), balance %d",
                    r.userId(), tx.kind(), r.amount(), r.reference(), after);
        }
        return write(session, moving, written).replaceWith(results);
    }

    /** The new balances (the last of each wallet), the transactions and their events, in multi-row statements. */
    private Uni<Void> write(Mutiny.Session session, List<Request> moving, List<Transaction> written) {
        Map<UUID, Long> last = new TreeMap<>();
        List<OutboxWriter.Keyed> events = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            last.put(moving.get(i).userId(), written.get(i).balanceAfter());
            events.add(new OutboxWriter.Keyed(moving.get(i).userId(), event(moving.get(i).userId(), written.get(i))));
        }
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Map.Entry<UUID, Long>> chunk : MultiRow.chunks(new ArrayList<>(last.entrySet()))) {
            List<Object> values = new ArrayList<>();
            StringBuilder rows = new StringBuilder();
            for (int i = 0; i < chunk.size(); i++) {
                values.add(chunk.get(i).getKey());
                values.add(chunk.get(i).getValue());
                rows.append(i == 0 ? "" : ", ").append("(cast(?").append(2 * i + 1).append(" as uuid), cast(?")
                        .append(2 * i + 2).append(" as bigint))");
            }
            chain = chain.call(() -> update(session, UPDATE_BALANCES.formatted(rows), values));
        }
        List<Integer> indexes = IntStream.range(0, written.size()).boxed().toList();
        for (List<Integer> chunk : MultiRow.chunks(indexes)) {
            List<Object> values = new ArrayList<>();
            for (int i : chunk) {
                Transaction tx = written.get(i);
                values.addAll(Arrays.asList(tx.id(), moving.get(i).userId(), tx.kind(), tx.amount(), tx.balanceAfter(),
                        tx.reference(), tx.reason(), tx.sessionId(), tx.createdAt(), tx.source()));
            }
            chain = chain.call(() -> update(session, INSERT.formatted(MultiRow.tuples(chunk.size(), 10)), values));
        }
        return chain.chain(() -> events.isEmpty() ? Uni.createFrom().voidItem() : outbox.publishAll(events));
    }

    private static SpecificRecord event(UUID userId, Transaction tx) {
        String sessionId = tx.sessionId() == null ? null : tx.sessionId().toString();
        return "credit".equals(tx.kind())
                ? WalletCredited.newBuilder().setUserId(userId.toString()).setTransactionId(tx.id().toString())
                        .setAmount(tx.amount()).setBalanceAfter(tx.balanceAfter()).setReference(tx.reference())
                        .setReason(tx.reason()).setSessionId(sessionId).setOccurredAt(tx.createdAt()).build()
                : WalletDebited.newBuilder().setUserId(userId.toString()).setTransactionId(tx.id().toString())
                        .setAmount(tx.amount()).setBalanceAfter(tx.balanceAfter()).setReference(tx.reference())
                        .setReason(tx.reason()).setSessionId(sessionId).setOccurredAt(tx.createdAt()).build();
    }

    private static String key(UUID userId, String source, String reference) {
        return userId + " " + source + " " + reference;
    }

    private static Uni<Integer> update(Mutiny.Session session, String sql, List<?> values) {
        var statement = session.createNativeQuery(sql);
        for (int i = 0; i < values.size(); i++) {
            statement.setParameter(i + 1, values.get(i));
        }
        return statement.executeUpdate();
    }

    private static Uni<List<Object[]>> select(Mutiny.Session session, String sql, List<?> values) {
        var query = session.createNativeQuery(sql, Object[].class);
        for (int i = 0; i < values.size(); i++) {
            query.setParameter(i + 1, values.get(i));
        }
        return query.getResultList();
    }

    public Uni<Long> balance(UUID userId) {
        return Panache.getSession().chain(session -> session.<Long>createNativeQuery(BALANCE)
                .setParameter(1, userId).getResultList())
                .map(rows -> rows.isEmpty() ? 0L : rows.getFirst());
    }

    public Uni<List<Transaction>> history(UUID userId, int page, int size) {
        return Panache.getSession().chain(session -> session.createNativeQuery(HISTORY, Object[].class)
                .setParameter(1, userId).setParameter(2, size).setParameter(3, page * size).getResultList())
                .map(rows -> rows.stream().map(Wallets::transaction).toList());
    }

    public Uni<Long> count(UUID userId) {
        return Panache.getSession().chain(session -> session.<Long>createNativeQuery(COUNT)
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
