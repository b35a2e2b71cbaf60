package io.laku.payment.ledger;

import io.laku.platform.sql.MultiRow;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * The double-entry ledger in the payment database. {@link #post} runs inside the caller's transaction
 * and moves money once per reference (unique constraint): a replayed event or a duplicate callback
 * that reaches it moves nothing.
 */
@ApplicationScoped
public class Ledger {

    public static final String ESCROW_IN = "escrow_in";
    public static final String REFUND = "refund";
    public static final String RELEASE = "release";
    public static final String DIRECT_IN = "direct_in";
    public static final String DIRECT_REFUND = "direct_refund";
    public static final String DIRECT_SETTLE = "direct_settle";

    /** A movement to post: once per reference. */
    public record Posting(String reference, String debit, String credit, long amount, String kind, UUID sessionId,
            UUID orderId, UUID paymentId, UUID partyId) {
        public Posting {
            new LedgerBook.Movement(reference, debit, credit, amount); // the same rules as the model, before any write
        }
    }

    /**
     * The accounts (if new) and the entries (unless their reference was posted before), in one statement:
     * {@code with accounts as (insert ... on conflict do nothing) insert into ledger_entry ... returning reference}.
     */
    private static String postOf(int accounts, int entries) {
        return "with accounts as (insert into ledger_account (code, kind) values " + MultiRow.tuples(accounts, 2)
                + " on conflict do nothing) insert into ledger_entry (id, reference, debit_account, credit_account, "
                + "amount, kind, session_id, order_id, payment_id, party_id) values "
                + MultiRow.tuples(entries, 10, 2 * accounts) + " on conflict (reference) do nothing returning reference";
    }

    private static final String BALANCE = """
            select coalesce(sum(case when kind = 'escrow_in' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'refund' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'release' then amount else 0 end), 0)::bigint,
                   (coalesce(sum(case when credit_account = ?2 then amount else 0 end), 0)
                    - coalesce(sum(case when debit_account = ?2 then amount else 0 end), 0))::bigint,
                   count(*)
            from ledger_entry where session_id = ?1""";
    private static final String ORDER_BALANCE = """
            select coalesce(sum(case when kind = 'direct_in' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'direct_refund' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'direct_settle' then amount else 0 end), 0)::bigint,
                   (coalesce(sum(case when credit_account = ?2 then amount else 0 end), 0)
                    - coalesce(sum(case when debit_account = ?2 then amount else 0 end), 0))::bigint,
                   count(*)
            from ledger_entry where order_id = ?1""";
    private static final String ORDER_ENTRIES = """
            select id, reference, debit_account, credit_account, amount, kind, payment_id, created_at
            from ledger_entry where order_id = ?1 order by created_at, reference""";
    private static final String ENTRIES = """
            select id, reference, debit_account, credit_account, amount, kind, payment_id, created_at
            from ledger_entry where session_id = ?1 order by created_at, reference""";

    public record Entry(UUID id, String reference, String debitAccount, String creditAccount, long amount, String kind,
            UUID paymentId, Instant createdAt) {
    }

    /** A session's money: paid in = refunded + released + what escrow still holds. */
    public record SessionBalance(UUID sessionId, long paidIn, long refunded, long released, long escrowBalance,
            long entries) {
        public boolean balanced() {
            return paidIn == refunded + released + escrowBalance && escrowBalance >= 0;
        }
    }

    /** A store order's money: paid in = refunded + settled to the seller + what the order's account still holds. */
    public record OrderBalance(UUID orderId, long paidIn, long refunded, long settled, long held, long entries) {
        public boolean balanced() {
            return paidIn == refunded + settled + held && held >= 0;
        }
    }

    /**
     * A movement of a seller-store order's money, once per reference. The table's checks refuse one between the wrong
     * accounts, or for a seller other than the order's.
     *
     * @param sellerId the seller the order was placed with
     * @return true when this call moved the money, false when the reference was posted before
     */
    public Uni<Boolean> postForOrder(String reference, String debit, String credit, long amount, String kind,
            UUID orderId, UUID paymentId, UUID sellerId) {
        return insert(reference, debit, credit, amount, kind, null, orderId, paymentId, sellerId);
    }

    private Uni<Boolean> insert(String reference, String debit, String credit, long amount, String kind, UUID sessionId,
            UUID orderId, UUID paymentId, UUID partyId) {
        return postAll(List.of(new Posting(reference, debit, credit, amount, kind, sessionId, orderId, paymentId,
                partyId))).map(moved -> !moved.isEmpty());
    }

    /**
     * Movements in as few statements as their number allows (a session's tier refunds), each once per reference.
     *
     * @return the references this call moved; those posted before are not among them
     */
    public Uni<Set<String>> postAll(List<Posting> postings) {
        Set<String> moved = new HashSet<>();
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (List<Posting> chunk : MultiRow.chunks(postings)) {
            Set<String> accounts = new LinkedHashSet<>();
            chunk.forEach(posting -> {
                accounts.add(posting.debit());
                accounts.add(posting.credit());
            });
            chain = chain.chain(() -> Panache.getSession().chain(session -> {
                var post = session.<String>createNativeQuery(postOf(accounts.size(), chunk.size()));
                int parameter = 1;
                for (String account : accounts) {
                    post.setParameter(parameter++, account);
                    post.setParameter(parameter++, Accounts.kindOf(account));
                }
                for (Posting posting : chunk) {
                    post.setParameter(parameter++, UUID.randomUUID());
                    post.setParameter(parameter++, posting.reference());
                    post.setParameter(parameter++, posting.debit());
                    post.setParameter(parameter++, posting.credit());
                    post.setParameter(parameter++, posting.amount());
                    post.setParameter(parameter++, posting.kind());
                    post.setParameter(parameter++, posting.sessionId());
                    post.setParameter(parameter++, posting.orderId());
                    post.setParameter(parameter++, posting.paymentId());
                    post.setParameter(parameter++, posting.partyId());
                }
                return post.getResultList();
            })).invoke(moved::addAll).replaceWithVoid();
        }
        return chain.replaceWith(moved);
    }

    public Uni<OrderBalance> orderBalance(UUID orderId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ORDER_BALANCE, Object[].class)
                .setParameter(1, orderId)
                .setParameter(2, Accounts.order(orderId))
                .getSingleResult())
                .map(row -> new OrderBalance(orderId, number(row[0]), number(row[1]), number(row[2]), number(row[3]),
                        number(row[4])));
    }

    public Uni<List<Entry>> orderEntries(UUID orderId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ORDER_ENTRIES, Object[].class)
                .setParameter(1, orderId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Entry((UUID) row[0], (String) row[1], (String) row[2],
                        (String) row[3], number(row[4]), (String) row[5], (UUID) row[6], instant(row[7]))).toList());
    }

    /** @return true when this call moved the money, false when the reference was posted before */
    public Uni<Boolean> post(String reference, String debit, String credit, long amount, String kind, UUID sessionId,
            UUID paymentId) {
        return insert(reference, debit, credit, amount, kind, sessionId, null, paymentId, null);
    }

    public Uni<SessionBalance> balance(UUID sessionId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(BALANCE, Object[].class)
                .setParameter(1, sessionId)
                .setParameter(2, Accounts.escrow(sessionId))
                .getSingleResult())
                .map(row -> new SessionBalance(sessionId, number(row[0]), number(row[1]), number(row[2]), number(row[3]),
                        number(row[4])));
    }

    private static final String SEATS = """
            select p.id, p.participant_id,
                   coalesce(sum(e.amount) filter (where e.kind = 'escrow_in'), 0)::bigint,
                   coalesce(sum(e.amount) filter (where e.kind = 'refund'), 0)::bigint,
                   p.seat_outcome, p.final_amount,
                   bool_and(e.kind <> 'refund' or (e.session_id = p.session_id and e.debit_account = ?2)) is not false
            from payment p left join ledger_entry e on e.payment_id = p.id
            where p.session_id = ?1
            group by p.id, p.participant_id, p.seat_outcome, p.final_amount""";
    private static final String RELEASES = """
            select credit_account, amount from ledger_entry where session_id = ?1 and kind = 'release'""";

    /** What is wrong with the session's escrow beyond the sums (see {@link EscrowAudit}); empty when right. */
    public Uni<List<String>> audit(UUID sessionId, UUID factoryId, boolean outcomeComplete) {
        return Panache.getSession().chain(session -> session.createNativeQuery(SEATS, Object[].class)
                        .setParameter(1, sessionId).setParameter(2, Accounts.escrow(sessionId)).getResultList()
                        .chain(seatRows -> session.createNativeQuery(RELEASES, Object[].class)
                                .setParameter(1, sessionId).getResultList()
                                .map(releaseRows -> EscrowAudit.violations(sessionId, factoryId, outcomeComplete,
                                        seatRows.stream().map(r -> new EscrowAudit.Seat((UUID) r[0], (UUID) r[1],
                                                number(r[2]), number(r[3]), (String) r[4],
                                                r[5] == null ? null : number(r[5]), (Boolean) r[6])).toList(),
                                        releaseRows.stream().map(r -> new EscrowAudit.Release((String) r[0],
                                                number(r[1]))).toList()))));
    }

    public Uni<List<Entry>> entries(UUID sessionId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ENTRIES, Object[].class)
                .setParameter(1, sessionId)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new Entry((UUID) row[0], (String) row[1], (String) row[2],
                        (String) row[3], number(row[4]), (String) row[5], (UUID) row[6], instant(row[7]))).toList());
    }

    private static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
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
