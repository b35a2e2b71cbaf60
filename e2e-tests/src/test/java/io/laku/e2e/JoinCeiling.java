package io.laku.e2e;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The ceiling of a join on this Postgres: group-buying's join statements for one join (JoinService: lock the session
 * row, read the session's variants, their tally and the customer's unpaid units in one statement, insert the seat,
 * upsert the tally, insert the outbox row, commit) over plain JDBC, one round trip each, one transaction per join. They run in a throwaway schema of {@code laku_group_buying}
 * holding copies of the tables (columns, checks, indexes and the foreign keys among them) and of the benchmark's
 * sessions, so the real data, and Debezium (it publishes {@code public.outbox_event} only), never see them; the
 * schema is dropped at the end.
 */
final class JoinCeiling implements AutoCloseable {

    private static final List<String> TABLES = List.of("group_buying_session", "product_variant", "session_variant",
            "participant", "session_variant_tally", "outbox_event");

    private final String schema;

    private JoinCeiling(String schema) {
        this.schema = schema;
    }

    String name() {
        return schema;
    }

    static JoinCeiling copyOf(UUID product, List<UUID> sessions) throws SQLException {
        String schema = "bench_" + Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 4);
        try (Connection db = Platform.database("group_buying"); Statement s = db.createStatement()) {
            db.setAutoCommit(false);
            List<String> foreignKeys = new ArrayList<>();
            try (ResultSet r = s.executeQuery("""
                    select conrelid::regclass::text, conname, pg_get_constraintdef(oid) from pg_constraint
                    where contype = 'f' and connamespace = 'public'::regnamespace
                      and conrelid::regclass::text = any(array['%s'])
                      and confrelid::regclass::text = any(array['%s'])""".formatted(String.join("','", TABLES),
                    String.join("','", TABLES)))) {
                while (r.next()) {
                    // the definition names the referenced table unqualified: it resolves in the new schema below
                    foreignKeys.add("alter table " + r.getString(1) + " add constraint " + r.getString(2) + " "
                            + r.getString(3));
                }
            }
            s.execute("create schema " + schema);
            for (String table : TABLES) {
                s.execute("create table " + schema + "." + table + " (like public." + table + " including all)");
            }
            s.execute("set local search_path to " + schema);
            for (String fk : foreignKeys) {
                s.execute(fk);
            }
            try (PreparedStatement copy = db.prepareStatement(
                    "insert into product_variant select * from public.product_variant where product_id = ?")) {
                copy.setObject(1, product);
                copy.executeUpdate();
            }
            for (String table : List.of("group_buying_session", "session_variant")) {
                String key = table.equals("group_buying_session") ? "id" : "session_id";
                try (PreparedStatement copy = db.prepareStatement("insert into " + table + " select * from public."
                        + table + " where " + key + " = any(?)")) {
                    copy.setArray(1, db.createArrayOf("uuid", sessions.toArray()));
                    copy.executeUpdate();
                }
            }
            db.commit();
        }
        return new JoinCeiling(schema);
    }

    JoinBenchmark.Client client(JoinBenchmark.Customers customers) {
        try {
            return new Client(schema, customers);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws SQLException {
        try (Connection db = Platform.database("group_buying"); Statement s = db.createStatement()) {
            s.execute("drop schema if exists " + schema + " cascade");
        }
    }

    /** One connection and its prepared statements: the join's transaction, with SPEC §3's check inline. */
    private static final class Client implements JoinBenchmark.Client {
        private final Connection db;
        private final JoinBenchmark.Customers customers;
        private final PreparedStatement lock;
        private final PreparedStatement facts;
        private final PreparedStatement seat;
        private final PreparedStatement addToTally;
        private final PreparedStatement outbox;
        private final byte[] payload = new byte[230]; // a ParticipantJoined's size, framed as the registry's serde does

        Client(String schema, JoinBenchmark.Customers customers) throws SQLException {
            this.customers = customers;
            db = Platform.database("group_buying");
            try (Statement s = db.createStatement()) {
                s.execute("set search_path to " + schema);
            }
            db.setAutoCommit(false);
            lock = db.prepareStatement("select * from group_buying_session where id = ? for update");
            // JoinService's JOIN_FACTS: the variants, their tally and the customers' unpaid units in one read
            facts = db.prepareStatement("""
                    select v.variant_id, v.name, v.position, v.units_per_bundle, v.tolerance,
                           coalesce(t.awaiting_units, 0), coalesce(t.paid_units, 0),
                           (select string_agg(u.user_id::text || ':' || u.units, ',')
                            from (select p.user_id, sum(p.quantity) as units from participant p
                                  where p.session_id = ? and p.user_id in (?) and p.status = 'awaiting_payment'
                                  group by p.user_id) u)
                    from session_variant v
                    left join session_variant_tally t on t.session_id = v.session_id and t.variant_id = v.variant_id
                    where v.session_id = ?
                    order by v.position""");
            seat = db.prepareStatement("""
                    insert into participant (id, session_id, user_id, variant_id, quantity, unit_price, amount_due,
                                             status, payment_id, payment_url, joined_at, updated_at)
                    values (?, ?, ?, ?, 1, ?, ?, 'awaiting_payment', null, null, now(), now())""");
            addToTally = db.prepareStatement("""
                    insert into session_variant_tally (session_id, variant_id, awaiting_units, paid_units)
                    values (?, ?, 1, 0) on conflict (session_id, variant_id) do update
                    set awaiting_units = session_variant_tally.awaiting_units + excluded.awaiting_units,
                        paid_units = session_variant_tally.paid_units + excluded.paid_units""");
            outbox = db.prepareStatement("""
                    insert into outbox_event (id, aggregate_type, aggregate_id, event_type, payload, trace_id, created_at)
                    values (?, 'session', ?, 'ParticipantJoined', ?, ?, now())""");
        }

        @Override
        public int join(UUID session, UUID variant, int customer) throws Exception {
            UUID user = customers.ids[customer];
            try {
                long price;
                lock.setObject(1, session);
                try (ResultSet r = lock.executeQuery()) {
                    r.next();
                    price = r.getLong("group_price");
                }
                Map<UUID, int[]> config = new HashMap<>();
                List<UUID> order = new ArrayList<>();
                Map<UUID, Long> orders = new HashMap<>();
                facts.setObject(1, session);
                facts.setObject(2, user);
                facts.setObject(3, session);
                try (ResultSet r = facts.executeQuery()) {
                    while (r.next()) {
                        UUID id = (UUID) r.getObject(1);
                        order.add(id);
                        config.put(id, new int[] {r.getInt(4), r.getInt(5)});
                        orders.put(id, r.getLong(6) + r.getLong(7));
                        r.getString(8);
                    }
                }
                long n = 0;
                long minCap = Long.MAX_VALUE;
                for (UUID v : order) {
                    long o = orders.getOrDefault(v, 0L);
                    n = Math.max(n, (o + config.get(v)[0] - 1) / config.get(v)[0]);
                    minCap = Math.min(minCap, (o + config.get(v)[1]) / config.get(v)[0]);
                }
                long bundles = Math.max(n, Math.max(1, minCap));
                if (bundles * config.get(variant)[0] - orders.getOrDefault(variant, 0L) < 1) {
                    db.rollback();
                    return 409;
                }
                seat.setObject(1, UUID.randomUUID());
                seat.setObject(2, session);
                seat.setObject(3, user);
                seat.setObject(4, variant);
                seat.setLong(5, price);
                seat.setLong(6, price);
                seat.executeUpdate();
                addToTally.setObject(1, session);
                addToTally.setObject(2, variant);
                addToTally.executeUpdate();
                outbox.setObject(1, UUID.randomUUID());
                outbox.setString(2, session.toString());
                outbox.setBytes(3, payload);
                outbox.setString(4, UUID.randomUUID().toString());
                outbox.executeUpdate();
                db.commit();
                return 201;
            } catch (Exception e) {
                db.rollback();
                throw e;
            }
        }

        @Override
        public void close() throws SQLException {
            db.close();
        }
    }
}
