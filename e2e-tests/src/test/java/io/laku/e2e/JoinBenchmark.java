package io.laku.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Not a test: drives joins at a given concurrency across N sessions against the running stack and prints joins/s,
 * p50/p99 latency and the oversell count. {@code --direct} runs the same statements straight over JDBC (lock the
 * session row, read variants and tally, check, insert the seat, upsert the tally, write an outbox-sized row into a
 * scratch table) as the ceiling. Run with (stack up):
 *
 * <pre>./mvnw -q -pl e2e-tests test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=io.laku.e2e.JoinBenchmark -Dexec.args="--clients 64 --sessions 100 --seconds 20 [--direct]"</pre>
 */
public final class JoinBenchmark {

    private static final String[] NAMES = {"S", "M", "L", "XL"};
    private static final int[] BUNDLES = {2, 5, 4, 1};
    private static final int TOLERANCE = 1_000_000;

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--direct")) {
                opts.put("direct", "true");
            } else {
                opts.put(args[i].substring(2), args[++i]);
            }
        }
        int clients = Integer.parseInt(opts.getOrDefault("clients", "64"));
        int sessionCount = Integer.parseInt(opts.getOrDefault("sessions", "100"));
        int seconds = Integer.parseInt(opts.getOrDefault("seconds", "20"));
        boolean direct = opts.containsKey("direct");

        Products.Product product = Products.configure(UUID.randomUUID(),
                Map.of("S", 2, "M", 5, "L", 4, "XL", 1),
                Map.of("S", TOLERANCE, "M", TOLERANCE, "L", TOLERANCE, "XL", TOLERANCE), List.of(NAMES));
        List<UUID> sessions = new ArrayList<>();
        for (int i = 0; i < sessionCount; i++) {
            Map<String, Object> body = Sessions.premiumHoodieSession(product.id());
            body.put("targetMoq", 1_000_000);
            sessions.add(Products.openSession(product, body));
        }
        List<UUID> variants = Arrays.stream(NAMES).map(product::variant).toList();

        ConcurrentLinkedQueue<long[]> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        CountDownLatch start = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread t = Thread.ofPlatform().start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (Client client = direct ? new JdbcClient(product) : new RestClient()) {
                    start.await();
                    long end = window[1];
                    while (System.nanoTime() < end && n < mine.length) {
                        UUID session = sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()));
                        UUID variant = variants.get(ThreadLocalRandom.current().nextInt(variants.size()));
                        long t0 = System.nanoTime();
                        int status = client.join(session, variant);
                        mine[n++] = System.nanoTime() - t0;
                        if (status == 201) {
                            accepted.incrementAndGet();
                        } else if (status == 409) {
                            refused.incrementAndGet();
                        } else {
                            errors.incrementAndGet();
                        }
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    System.err.println("client failed: " + e);
                }
                latencies.add(Arrays.copyOf(mine, n));
            });
            threads.add(t);
        }
        window[0] = System.nanoTime();
        window[1] = window[0] + Duration.ofSeconds(seconds).toNanos();
        start.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = (System.nanoTime() - window[0]) / 1e9;
        long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        long oversold = oversold(sessions, variants);
        System.out.printf("mode=%s clients=%d sessions=%d seconds=%d%n", direct ? "direct-jdbc" : "rest", clients,
                sessionCount, seconds);
        System.out.printf("joins accepted=%d refused(409)=%d errors=%d  joins/s=%.1f  requests/s=%.1f%n", accepted.get(),
                refused.get(), errors.get(), accepted.get() / elapsed, all.length / elapsed);
        System.out.printf("latency p50=%.1f ms p99=%.1f ms%n", percentile(all, 0.50), percentile(all, 0.99));
        System.out.printf("oversell count=%d%n", oversold);
    }

    private static double percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[(int) Math.min(sorted.length - 1, Math.floor(p * sorted.length))] / 1e6;
    }

    /**
     * Seats beyond the rules: per session and variant, a tally that differs from the seats, plus every variant that
     * breaks SPEC §3's invariant (N >= 2 implies N * bundle[v] - orders[v] <= tolerance[v]).
     */
    private static long oversold(List<UUID> sessions, List<UUID> variants) throws Exception {
        long bad = 0;
        try (Connection db = Platform.database("group_buying");
                PreparedStatement q = db.prepareStatement("""
                        select coalesce(sum(quantity), 0),
                               coalesce((select awaiting_units + paid_units from session_variant_tally t
                                         where t.session_id = ? and t.variant_id = ?), 0)
                        from participant where session_id = ? and variant_id = ?
                          and status in ('awaiting_payment', 'paid')""")) {
            for (UUID session : sessions) {
                long[] orders = new long[variants.size()];
                for (int v = 0; v < variants.size(); v++) {
                    q.setObject(1, session);
                    q.setObject(2, variants.get(v));
                    q.setObject(3, session);
                    q.setObject(4, variants.get(v));
                    try (ResultSet r = q.executeQuery()) {
                        r.next();
                        orders[v] = r.getLong(1);
                        if (r.getLong(1) != r.getLong(2)) {
                            bad++;
                        }
                    }
                }
                long n = 0;
                for (int v = 0; v < orders.length; v++) {
                    n = Math.max(n, (orders[v] + BUNDLES[v] - 1) / BUNDLES[v]);
                }
                for (int v = 0; v < orders.length && n >= 2; v++) {
                    if (n * BUNDLES[v] - orders[v] > TOLERANCE) {
                        bad++;
                    }
                }
            }
        }
        return bad;
    }

    private interface Client extends AutoCloseable {
        int join(UUID session, UUID variant) throws Exception;
    }

    private static final class RestClient implements Client {
        // one shared HTTP/1.1 client: a client per thread (each with its own selector) and h2c upgrade
        // attempts made the benchmark measure itself rather than the service
        private static final HttpClient SHARED = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final HttpClient http = SHARED;
        private final String token = Platform.token(UUID.randomUUID(), "customer");

        @Override
        public int join(UUID session, UUID variant) throws Exception {
            String body = "{\"variantId\":\"" + variant + "\",\"quantity\":1,\"unitPrice\":200000,\"totalPrice\":200000}";
            HttpRequest request = HttpRequest.newBuilder(URI.create(Platform.GROUP_BUYING + "/api/group-buying/" + session + "/join"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        }

        @Override
        public void close() {
        }
    }

    /** The join's statements over one JDBC connection, with SPEC §3's check inline. */
    private static final class JdbcClient implements Client {
        private final Connection db;
        private final UUID user = UUID.randomUUID();
        private final Products.Product product;

        JdbcClient(Products.Product product) throws Exception {
            this.product = product;
            db = Platform.database("group_buying");
            try (Statement s = db.createStatement()) {
                s.execute("create table if not exists bench_outbox (like outbox_event including all)");
            } catch (Exception racedWithAnotherClient) {
                // created by another client
            }
            db.setAutoCommit(false);
        }

        @Override
        public int join(UUID session, UUID variant) throws Exception {
            try {
                long price;
                try (PreparedStatement lock = db.prepareStatement(
                        "select group_price, status, end_time from group_buying_session where id = ? for update")) {
                    lock.setObject(1, session);
                    try (ResultSet r = lock.executeQuery()) {
                        r.next();
                        price = r.getLong(1);
                    }
                }
                Map<UUID, int[]> config = new HashMap<>();
                List<UUID> order = new ArrayList<>();
                try (PreparedStatement q = db.prepareStatement(
                        "select id, units_per_bundle, tolerance from product_variant where product_id = ? order by position")) {
                    q.setObject(1, product.id());
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            UUID id = (UUID) r.getObject(1);
                            order.add(id);
                            config.put(id, new int[] {r.getInt(2), r.getInt(3)});
                        }
                    }
                }
                Map<UUID, Long> orders = new HashMap<>();
                try (PreparedStatement q = db.prepareStatement(
                        "select variant_id, awaiting_units + paid_units from session_variant_tally where session_id = ?")) {
                    q.setObject(1, session);
                    try (ResultSet r = q.executeQuery()) {
                        while (r.next()) {
                            orders.put((UUID) r.getObject(1), r.getLong(2));
                        }
                    }
                }
                long n = 0;
                long minCap = Long.MAX_VALUE;
                for (UUID v : order) {
                    long o = orders.getOrDefault(v, 0L);
                    n = Math.max(n, (o + config.get(v)[0] - 1) / config.get(v)[0]);
                    minCap = Math.min(minCap, (o + config.get(v)[1]) / config.get(v)[0]);
                }
                long b = Math.max(n, Math.max(1, minCap));
                if (b * config.get(variant)[0] - orders.getOrDefault(variant, 0L) < 1) {
                    db.rollback();
                    return 409;
                }
                UUID participant = UUID.randomUUID();
                try (PreparedStatement ins = db.prepareStatement("""
                        insert into participant (id, session_id, user_id, variant_id, quantity, unit_price, amount_due,
                                                 status, joined_at, updated_at)
                        values (?, ?, ?, ?, 1, ?, ?, 'awaiting_payment', now(), now())""")) {
                    ins.setObject(1, participant);
                    ins.setObject(2, session);
                    ins.setObject(3, user);
                    ins.setObject(4, variant);
                    ins.setLong(5, price);
                    ins.setLong(6, price);
                    ins.executeUpdate();
                }
                try (PreparedStatement up = db.prepareStatement("""
                        insert into session_variant_tally (session_id, variant_id, awaiting_units, paid_units)
                        values (?, ?, 1, 0) on conflict (session_id, variant_id)
                        do update set awaiting_units = session_variant_tally.awaiting_units + 1""")) {
                    up.setObject(1, session);
                    up.setObject(2, variant);
                    up.executeUpdate();
                }
                try (PreparedStatement out = db.prepareStatement("""
                        insert into bench_outbox (id, aggregate_type, aggregate_id, event_type, payload, trace_id)
                        values (?, 'session', ?, 'ParticipantJoined', ?, 'bench')""")) {
                    out.setObject(1, UUID.randomUUID());
                    out.setString(2, session.toString());
                    out.setBytes(3, new byte[200]);
                    out.executeUpdate();
                }
                db.commit();
                return 201;
            } catch (Exception e) {
                db.rollback();
                throw e;
            }
        }

        @Override
        public void close() throws Exception {
            db.close();
        }
    }
}
