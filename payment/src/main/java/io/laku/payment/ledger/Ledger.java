package io.laku.payment.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
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

    /** The two accounts (if new) and the entry (unless its reference was posted before), in one statement. */
    private static final String POST = """
            with accounts as (
                insert into ledger_account (code, kind) values (?3, ?9), (?4, ?10) on conflict do nothing)
            insert into ledger_entry (id, reference, debit_account, credit_account, amount, kind, session_id, payment_id)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8) on conflict (reference) do nothing""";
    private static final String BALANCE = """
            select coalesce(sum(case when kind = 'escrow_in' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'refund' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'release' then amount else 0 end), 0)::bigint,
                   (coalesce(sum(case when credit_account = ?2 then amount else 0 end), 0)
                    - coalesce(sum(case when debit_account = ?2 then amount else 0 end), 0))::bigint,
                   count(*)
            from ledger_entry where session_id = ?1""";
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

    /** @return true when this call moved the money, false when the reference was posted before */
    public Uni<Boolean> post(String reference, String debit, String credit, long amount, String kind, UUID sessionId,
            UUID paymentId) {
        new LedgerBook.Movement(reference, debit, credit, amount); // the same rules as the model, before any write
        return Panache.getSession().chain(session -> session.createNativeQuery(POST)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, reference)
                        .setParameter(3, debit)
                        .setParameter(4, credit)
                        .setParameter(5, amount)
                        .setParameter(6, kind)
                        .setParameter(7, sessionId)
                        .setParameter(8, paymentId)
                        .setParameter(9, Accounts.kindOf(debit))
                        .setParameter(10, Accounts.kindOf(credit))
                        .executeUpdate())
                .map(inserted -> inserted == 1);
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
