package io.laku.settlement.ledger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/**
 * Settlement's double-entry ledger in its database. {@link #post} runs inside the caller's transaction and moves money
 * once per reference; the movement's own rules ({@link Movement}) and the table's checks refuse money going to the
 * wrong party before anything is written.
 */
@ApplicationScoped
public class SettlementLedger {

    private static final String ENTRY = """
            insert into ledger_entry (id, reference, debit_account, credit_account, amount, kind, payee_id, payee_kind,
                                      sale_order_id, release_session_id, payout_id, created_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12) on conflict (reference) do nothing""";
    private static final String BALANCE = """
            select (coalesce(sum(case when credit_account = ?2 then amount else 0 end), 0)
                    - coalesce(sum(case when debit_account = ?2 then amount else 0 end), 0))::bigint
            from ledger_entry where payee_id = ?1""";
    private static final String PAYEE_TOTALS = """
            select coalesce(sum(case when kind in ('seller_sale', 'factory_release') then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'platform_fee' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when kind = 'payout' then amount else 0 end), 0)::bigint
            from ledger_entry where payee_id = ?1""";
    private static final String TOTALS = """
            select coalesce(sum(case when debit_account = 'customer_payments' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when credit_account = 'platform_fees' then amount else 0 end), 0)::bigint,
                   coalesce(sum(case when credit_account = 'paid_out' then amount else 0 end), 0)::bigint,
                   (coalesce(sum(case when credit_account like '%\\_payable:%' then amount else 0 end), 0)
                    - coalesce(sum(case when debit_account like '%\\_payable:%' then amount else 0 end), 0))::bigint,
                   count(*)
            from ledger_entry""";
    private static final String ENTRIES = """
            select id, reference, kind, debit_account, credit_account, amount, sale_order_id, release_session_id,
                   payout_id, created_at
            from ledger_entry where payee_id = ?1 order by created_at, reference""";

    public record Entry(UUID id, String reference, String kind, String debitAccount, String creditAccount, long amount,
            UUID orderId, UUID sessionId, UUID payoutId, Instant createdAt) {
    }

    /** One payee's money: credited (sales less fees, or releases), fees taken, paid out. */
    public record PayeeTotals(long credited, long fees, long paidOut) {
    }

    /** Settlement's whole books: received = fees + paid out + balances held. */
    public record Totals(long received, long fees, long paidOut, long balancesHeld, long entries) {
        public boolean balanced() {
            return received == fees + paidOut + balancesHeld && balancesHeld >= 0;
        }
    }

    /**
     * @param sourceId the movement's source: the sale's order id, the release's session id, or the payout id
     * @return true when this call moved the money, false when the reference was posted before
     */
    public Uni<Boolean> post(Movement movement, UUID sourceId) {
        UUID order = movement.kind() == Movement.Kind.SELLER_SALE || movement.kind() == Movement.Kind.PLATFORM_FEE
                ? sourceId : null;
        UUID session = movement.kind() == Movement.Kind.FACTORY_RELEASE ? sourceId : null;
        UUID payout = movement.kind() == Movement.Kind.PAYOUT ? sourceId : null;
        return Panache.getSession().chain(session2 -> session2.createNativeQuery(ENTRY)
                        .setParameter(1, UUID.randomUUID())
                        .setParameter(2, movement.reference())
                        .setParameter(3, movement.debit())
                        .setParameter(4, movement.credit())
                        .setParameter(5, movement.amount())
                        .setParameter(6, movement.kind().code())
                        .setParameter(7, movement.payeeId())
                        .setParameter(8, movement.payeeKind().code())
                        .setParameter(9, order)
                        .setParameter(10, session)
                        .setParameter(11, payout)
                        .setParameter(12, Instant.now())
                        .executeUpdate())
                .map(inserted -> inserted == 1);
    }

    public Uni<Long> balance(UUID payeeId, PayeeKind kind) {
        return Panache.getSession().chain(session -> session.<Long>createNativeQuery(BALANCE)
                .setParameter(1, payeeId).setParameter(2, kind.payable(payeeId)).getSingleResult());
    }

    public Uni<PayeeTotals> totals(UUID payeeId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(PAYEE_TOTALS, Object[].class)
                        .setParameter(1, payeeId).getSingleResult())
                .map(row -> new PayeeTotals(number(row[0]), number(row[1]), number(row[2])));
    }

    public Uni<Totals> totals() {
        return Panache.getSession().chain(session -> session.createNativeQuery(TOTALS, Object[].class).getSingleResult())
                .map(row -> new Totals(number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4])));
    }

    public Uni<List<Entry>> entries(UUID payeeId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ENTRIES, Object[].class)
                        .setParameter(1, payeeId).getResultList())
                .map(rows -> rows.stream().map(row -> new Entry((UUID) row[0], (String) row[1], (String) row[2],
                        (String) row[3], (String) row[4], number(row[5]), (UUID) row[6], (UUID) row[7], (UUID) row[8],
                        instant(row[9]))).toList());
    }

    static long number(Object value) {
        return value == null ? 0 : ((Number) value).longValue();
    }

    static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case java.sql.Timestamp t -> t.toInstant();
            case java.time.LocalDateTime l -> l.toInstant(java.time.ZoneOffset.UTC);
            case null, default -> null;
        };
    }
}
