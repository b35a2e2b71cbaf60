package io.laku.e2e;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code ./laku bench invoices}: how fast payment makes invoices when seats wait for them. Payment is stopped
 * ({@code ./laku stop payment}), N seats join over REST, payment is started again and finds N {@code ParticipantJoined}
 * waiting; the figure is N over the time from its first escrow payment row to its last stored invoice (its own
 * timestamps), and the rate of its second half, once the restarted JVM has compiled its hot code (in the first
 * seconds C2 takes more of payment's CPU than the work does). The ceiling, in the same run: the same number of invoices asked of the gateway simulator straight, with
 * payment's parallelism (64 calls in flight), no payment in between.
 */
final class InvoiceBenchmark {

    static final String USAGE = "./laku bench invoices [--seats N] [--sessions N] [--clients N] [--drain-timeout N]";
    private static final int PARALLEL = 64;

    private InvoiceBenchmark() {
    }

    static void run(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args, Map.of("seats", 10_000L, "sessions", 20L, "clients", 32L,
                "drain-timeout", 300L), Set.of(), USAGE);
        int seats = o.number("seats");
        int sessionCount = Math.max(1, o.number("sessions"));
        int clients = Math.max(1, o.number("clients"));
        System.out.printf("bench invoices: %d seats over %d sessions, %d cores, Java %s%n", seats, sessionCount,
                Runtime.getRuntime().availableProcessors(), Runtime.version());
        Products.Product product = Products.configure(UUID.randomUUID(), Map.of("M", 1), Map.of("M", 10_000_000),
                List.of("M"));
        List<UUID> sessions = Products.openBenchSessions(product, sessionCount);
        JoinBenchmark.Customers customers = JoinBenchmark.Customers.of(seats);

        System.out.println("stopping payment (./laku stop payment) ...");
        Stack.stop("payment");
        long joined;
        try {
            joined = join(seats, clients, sessions, product.variant("M"), customers);
        } finally {
            System.out.println("starting payment (./laku start payment) ...");
            Stack.start("payment");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(o.number("drain-timeout")).toNanos();
        long[] made = made(sessions);
        while (made[0] < joined && System.nanoTime() < deadline) {
            Thread.sleep(250);
            made = made(sessions);
        }
        double consumed = made[3] / 1e3;
        double span = made[2] / 1e3;
        double ceiling = ceiling(seats);

        System.out.println();
        System.out.printf("%-44s %9s %10s %11s%n", "bench invoices", "invoices", "seconds", "invoices/s");
        System.out.printf("%-44s %9d %10.1f %11.1f%n", "payment: first escrow row -> last invoice", made[0], span,
                made[0] / span);
        long half = made[0] - made[0] / 2;
        double secondHalf = made[4] / 1e3;
        System.out.printf("%-44s %9d %10.1f %11.1f%n", "payment: its second half (JIT warm)", half, secondHalf,
                half / secondHalf);
        System.out.printf("%-44s %9d %10.1f %11.1f%n", "ceiling: the simulator asked straight", seats,
                seats / ceiling, ceiling);
        System.out.printf("ratio payment/ceiling: %.1f %%; %d joins, %d invoices (%d still missing); payment read the "
                + "%d joins in %.1f s%n", 100 * (made[0] / span) / ceiling, joined, made[0], joined - made[0],
                made[1], consumed);
        if (made[0] < joined) {
            throw new IllegalStateException((joined - made[0]) + " seats without an invoice after the drain timeout");
        }
    }

    /** The seats, as fast as {@code clients} threads get them (Prefer: wait=0); the number seated. */
    private static long join(int seats, int clients, List<UUID> sessions, UUID variant,
            JoinBenchmark.Customers customers) throws InterruptedException {
        long start = System.nanoTime();
        long failed = posts(clients, seats, Platform.GROUP_BUYING, (http, i) -> http.post("/api/group-buying/"
                        + sessions.get(ThreadLocalRandom.current().nextInt(sessions.size())) + "/join",
                JoinBenchmark.RestClient.body(variant), "Authorization: Bearer " + customers.tokens[i],
                "Prefer: wait=0") == 201);
        System.out.printf("%d seats joined in %.1f s (%d failed), payment stopped%n", seats - failed,
                (System.nanoTime() - start) / 1e9, failed);
        return seats - failed;
    }

    /** One request of a run: true when it was answered as wanted. */
    private interface Post {
        boolean send(HttpLoadClient http, int number) throws Exception;
    }

    /** Requests 0 to count - 1 on {@code threads} threads, each with its own connection to base; how many failed. */
    private static long posts(int threads, int count, String base, Post post) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        AtomicLong failed = new AtomicLong();
        List<Thread> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(Thread.ofPlatform().start(() -> {
                try (HttpLoadClient http = new HttpLoadClient(URI.create(base))) {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        try {
                            if (!post.send(http, i)) {
                                failed.incrementAndGet();
                            }
                        } catch (Exception e) { // the connection is closed: the next request opens another
                            if (failed.incrementAndGet() <= 5) {
                                System.out.println("  request failed: " + e);
                            }
                        }
                    }
                }
            }));
        }
        for (Thread t : running) {
            t.join();
        }
        return failed.get();
    }

    /**
     * Invoices stored, escrow payment rows, ms from the first row to the last invoice, ms over which rows came, ms from
     * the median invoice to the last.
     */
    private static long[] made(List<UUID> sessions) throws Exception {
        try (Connection db = Platform.database("payment"); PreparedStatement q = db.prepareStatement("""
                select count(*) filter (where invoice_url is not null), count(*),
                       coalesce(extract(epoch from max(updated_at) filter (where invoice_url is not null)
                                - min(created_at)) * 1000, 0)::bigint,
                       coalesce(extract(epoch from max(created_at) - min(created_at)) * 1000, 0)::bigint,
                       coalesce(extract(epoch from max(updated_at) filter (where invoice_url is not null)
                                - percentile_disc(0.5) within group (order by updated_at)
                                  filter (where invoice_url is not null)) * 1000, 0)::bigint
                from payment where session_id = any(?)""")) {
            q.setArray(1, db.createArrayOf("uuid", sessions.toArray()));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return new long[] {r.getLong(1), r.getLong(2), Math.max(1, r.getLong(3)), r.getLong(4),
                        Math.max(1, r.getLong(5))};
            }
        }
    }

    /** Invoices/s of the simulator itself: {@code count} invoices, {@link #PARALLEL} calls in flight. */
    private static double ceiling(int count) throws InterruptedException {
        String auth = "Authorization: Basic " + Base64.getEncoder().encodeToString(
                "xnd_development_laku_local:".getBytes(StandardCharsets.UTF_8));
        long start = System.nanoTime();
        long failed = posts(PARALLEL, count, Platform.GATEWAY, (http, i) -> {
            int status = http.post("/v2/invoices", "{\"external_id\":\"bench-" + UUID.randomUUID()
                    + "\",\"amount\":200000,\"description\":\"bench invoices ceiling\",\"invoice_duration\":86400}",
                    auth);
            return status == 200 || status == 201;
        });
        if (failed > 0) {
            System.out.println("  ceiling: " + failed + " calls failed");
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }
}
