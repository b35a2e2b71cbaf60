package io.laku.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * {@code ./laku bench join}: a fixed number of clients join (1 unit each, a distinct customer per join from a pool of
 * pre-signed tokens) a product's sessions over REST as fast as the stack answers, with {@code Prefer: wait=0} (the join
 * path itself; the wait for the payment link is {@code bench pay-link}'s); then the cascade is waited for
 * (every seat's payment link); then the ceiling: the join's own statements ({@link JoinCeiling}) straight on the same
 * Postgres with the same clients for the same time. Prints both side by side and their ratio.
 */
final class JoinBenchmark {

    static final String USAGE = "./laku bench join [--clients N] [--sessions N] [--seconds N] [--warmup N] [--hot] "
            + "[--drain-timeout N]   (--hot: every client on one session)";

    private static final String[] NAMES = {"S", "M", "L", "XL"};
    private static final int[] BUNDLES = {2, 5, 4, 1};
    private static final int TOLERANCE = 1_000_000;
    static final long PRICE = 200_000;

    private JoinBenchmark() {
    }

    /** One measured phase: what the clients saw in the window after the warm-up. */
    record Phase(long accepted, long refused, long errors, double seconds, Latencies latencies, List<String> failures) {
        double joinsPerSecond() {
            return accepted / seconds;
        }
    }

    /** One client: joins the session's variant as the pool's customer number {@code customer}; the HTTP status. */
    interface Client extends AutoCloseable {
        int join(UUID session, UUID variant, int customer) throws Exception;

        @Override
        default void close() throws Exception {
        }
    }

    static void run(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args, Map.of("clients", 64L, "sessions", 100L, "seconds", 20L, "warmup", 5L,
                "drain-timeout", 120L), Set.of("hot"), USAGE);
        int clients = o.number("clients");
        int sessionCount = o.flag("hot") ? 1 : o.number("sessions");
        int seconds = o.number("seconds");
        int warmup = o.number("warmup");
        System.out.printf("bench join: %d clients, %d session%s, %d s (+%d s warm-up), %d cores, Java %s%n", clients,
                sessionCount, sessionCount == 1 ? " (hot)" : "s", seconds, warmup,
                Runtime.getRuntime().availableProcessors(), Runtime.version());

        Products.Product product = Products.configure(UUID.randomUUID(), Map.of("S", 2, "M", 5, "L", 4, "XL", 1),
                Map.of("S", TOLERANCE, "M", TOLERANCE, "L", TOLERANCE, "XL", TOLERANCE), List.of(NAMES));
        List<UUID> sessions = Products.openBenchSessions(product, sessionCount);
        List<UUID> variants = Arrays.stream(NAMES).map(product::variant).toList();
        Customers customers = Customers.of(Math.max(2_000, clients * 40));
        System.out.printf("set up: product %s, %d sessions, %d customers with their tokens%n", product.id(),
                sessionCount, customers.size());

        System.out.println("REST: POST /api/group-buying/{id}/join against the running stack...");
        Phase rest = drive(clients, warmup, seconds, sessions, variants, customers, () -> new RestClient(customers));
        long restEnded = System.nanoTime();
        long restOversold = oversold("public", sessions, variants);
        String drained = drain(sessions, restEnded, Duration.ofSeconds(o.number("drain-timeout")));

        Phase ceiling;
        long ceilingOversold;
        try (JoinCeiling schema = JoinCeiling.copyOf(product.id(), sessions)) {
            System.out.println("ceiling: the join's statements over JDBC in schema " + schema.name() + " ...");
            ceiling = drive(clients, warmup, seconds, sessions, variants, customers, () -> schema.client(customers));
            ceilingOversold = oversold(schema.name(), sessions, variants);
        }

        System.out.println();
        System.out.printf("%-28s %9s %8s %8s %8s %8s %7s %8s %9s%n", "bench join", "joins/s", "p50 ms", "p90 ms",
                "p99 ms", "max ms", "errors", "refused", "oversell");
        row("REST, the running stack", rest, restOversold);
        row("ceiling, same statements", ceiling, ceilingOversold);
        double ratio = rest.joinsPerSecond() / ceiling.joinsPerSecond();
        System.out.printf("ratio REST/ceiling: %.1f %% (%d clients, %d session%s)%n", 100 * ratio, clients, sessionCount,
                sessionCount == 1 ? "" : "s");
        System.out.println("cascade after the REST joins: " + drained);
        for (String failure : rest.failures()) {
            System.out.println("  REST failure: " + failure);
        }
        for (String failure : ceiling.failures()) {
            System.out.println("  ceiling failure: " + failure);
        }
        if (restOversold + ceilingOversold > 0) {
            throw new IllegalStateException("OVERSOLD: " + restOversold + " (REST) + " + ceilingOversold + " (ceiling)");
        }
    }

    private static void row(String what, Phase p, long oversold) {
        Latencies l = p.latencies();
        System.out.printf("%-28s %9.1f %8.1f %8.1f %8.1f %8.1f %7d %8d %9d%n", what, p.joinsPerSecond(), l.p50(),
                l.p90(), l.p99(), l.max(), p.errors(), p.refused(), oversold);
    }

    /**
     * Runs {@code clients} threads for warm-up + seconds, each joining random (session, variant) pairs one after the
     * other as the next customer of the pool; counts only the joins started after the warm-up.
     */
    static Phase drive(int clients, int warmup, int seconds, List<UUID> sessions, List<UUID> variants,
            Customers customers, Supplier<Client> newClient) throws InterruptedException {
        AtomicLong accepted = new AtomicLong();
        AtomicLong refused = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<long[]> samples = new ConcurrentLinkedQueue<>();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        CountDownLatch ready = new CountDownLatch(clients);
        CountDownLatch go = new CountDownLatch(1);
        long[] window = new long[2];
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            threads.add(Thread.ofPlatform().name("bench-client-" + c).start(() -> {
                Latencies.Recorder mine = new Latencies.Recorder();
                try (Client client = newClient.get()) {
                    ready.countDown();
                    go.await();
                    ThreadLocalRandom random = ThreadLocalRandom.current();
                    while (true) {
                        long t0 = System.nanoTime();
                        if (t0 >= window[1]) {
                            break;
                        }
                        boolean counted = t0 >= window[0];
                        int status;
                        try {
                            status = client.join(sessions.get(random.nextInt(sessions.size())),
                                    variants.get(random.nextInt(variants.size())), customers.next());
                        } catch (Exception e) {
                            status = -1;
                            if (failures.size() < 5) {
                                failures.add(e.toString());
                            }
                        }
                        if (!counted) {
                            continue;
                        }
                        mine.add(System.nanoTime() - t0);
                        switch (status) {
                            case 201 -> accepted.incrementAndGet();
                            case 409 -> refused.incrementAndGet();
                            default -> {
                                errors.incrementAndGet();
                                if (status > 0 && failures.size() < 5) {
                                    failures.add("HTTP " + status);
                                }
                            }
                        }
                    }
                } catch (Exception e) {
                    ready.countDown();
                    errors.incrementAndGet();
                    failures.add("client failed: " + e);
                }
                samples.add(mine.toArray());
            }));
        }
        ready.await();
        window[0] = System.nanoTime() + Duration.ofSeconds(warmup).toNanos();
        window[1] = window[0] + Duration.ofSeconds(seconds).toNanos();
        go.countDown();
        for (Thread t : threads) {
            t.join();
        }
        double elapsed = Math.max(1, System.nanoTime() - window[0]) / 1e9;
        long[] all = samples.stream().flatMapToLong(Arrays::stream).toArray();
        return new Phase(accepted.get(), refused.get(), errors.get(), elapsed, Latencies.of(all), List.copyOf(failures));
    }

    /** Waits until every live unpaid seat of the sessions shows its payment link (invoice made, event consumed). */
    private static String drain(List<UUID> sessions, long since, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (Connection db = Platform.database("group_buying"); PreparedStatement q = db.prepareStatement("""
                select count(*) filter (where payment_url is null), count(*) from participant
                where session_id = any(?) and status = 'awaiting_payment'""")) {
            q.setArray(1, db.createArrayOf("uuid", sessions.toArray()));
            while (true) {
                long missing;
                long seats;
                try (ResultSet r = q.executeQuery()) {
                    r.next();
                    missing = r.getLong(1);
                    seats = r.getLong(2);
                }
                double after = (System.nanoTime() - since) / 1e9;
                if (missing == 0) {
                    return String.format("all %d seats had their payment link %.1f s after the last join", seats, after);
                }
                if (System.nanoTime() > deadline) {
                    return String.format("%d of %d seats still without a payment link %.1f s after the last join",
                            missing, seats, after);
                }
                Thread.sleep(250);
            }
        }
    }

    /**
     * Seats beyond the rules in the schema: per session and variant, a tally that differs from the live seats, plus
     * every variant that breaks SPEC §3's invariant (N >= 2 implies N * bundle[v] - orders[v] <= tolerance[v]).
     */
    static long oversold(String schema, List<UUID> sessions, List<UUID> variants) throws Exception {
        long bad = 0;
        try (Connection db = Platform.database("group_buying")) {
            try (var s = db.createStatement()) {
                s.execute("set search_path to " + schema);
            }
            try (PreparedStatement q = db.prepareStatement("""
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
        }
        return bad;
    }

    /** Customers with their tokens signed before the run (signing is not the service's work to measure). */
    static final class Customers {
        final UUID[] ids;
        final String[] tokens;
        private final AtomicInteger next = new AtomicInteger();

        private Customers(UUID[] ids, String[] tokens) {
            this.ids = ids;
            this.tokens = tokens;
        }

        static Customers of(int n) {
            UUID[] ids = new UUID[n];
            String[] tokens = new String[n];
            for (int i = 0; i < n; i++) {
                ids[i] = UUID.randomUUID();
                tokens[i] = Platform.token(ids[i], "customer");
            }
            return new Customers(ids, tokens);
        }

        int size() {
            return ids.length;
        }

        int next() {
            return Math.floorMod(next.getAndIncrement(), ids.length);
        }
    }

    /** The customer's join over REST, on the thread's own kept-alive connection ({@link HttpLoadClient}). */
    static final class RestClient implements Client {
        static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        private final Customers customers;
        private final HttpLoadClient connection = new HttpLoadClient(URI.create(Platform.GROUP_BUYING));

        RestClient(Customers customers) {
            this.customers = customers;
        }

        static String body(UUID variant) {
            return "{\"variantId\":\"" + variant + "\",\"quantity\":1,\"unitPrice\":" + PRICE + ",\"totalPrice\":"
                    + PRICE + "}";
        }

        /** A join of 1 unit; {@code wait}: the client's Prefer: wait=N for the payment link in the answer (null: none). */
        static HttpRequest request(UUID session, UUID variant, String token, Integer wait) {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(Platform.GROUP_BUYING + "/api/group-buying/"
                            + session + "/join"))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(30)).POST(HttpRequest.BodyPublishers.ofString(body(variant)));
            if (wait != null) {
                request.header("Prefer", "wait=" + wait);
            }
            return request.build();
        }

        /** The join path alone: {@code Prefer: wait=0}, the answer does not wait for the payment link (pay-link does). */
        @Override
        public int join(UUID session, UUID variant, int customer) throws Exception {
            return connection.post("/api/group-buying/" + session + "/join", body(variant),
                    "Authorization: Bearer " + customers.tokens[customer], "Prefer: wait=0");
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
