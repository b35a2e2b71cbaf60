package io.laku.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * {@code ./laku bench pay-link}: joins at a fixed rate (open loop: a slow answer does not slow the next join), each by
 * its own customer, and for each the time until its payment link is visible to the customer: in the join's answer when
 * it carries {@code paymentUrl}, else on the seat (its row, read every 10 ms for all seats still waiting: what
 * {@code GET .../participants/{id}} shows, without the load of polling it per seat).
 */
final class PayLinkBenchmark {

    static final String USAGE = "./laku bench pay-link [--rate N] [--seconds N] [--sessions N] [--drain-timeout N]";
    private static final ObjectMapper JSON = new ObjectMapper();

    private PayLinkBenchmark() {
    }

    /** One join: when it was sent and answered, and when its link was seen (0: not yet). */
    private static final class Join {
        final long sent;
        volatile long answered;
        volatile long linked;
        volatile boolean linkInAnswer;

        Join(long sent) {
            this.sent = sent;
        }
    }

    static void run(String[] args) throws Exception {
        BenchOptions o = BenchOptions.parse(args, Map.of("rate", 50L, "seconds", 20L, "sessions", 10L,
                "drain-timeout", 60L), Set.of(), USAGE);
        int rate = Math.max(1, o.number("rate"));
        int seconds = o.number("seconds");
        int sessionCount = Math.max(1, o.number("sessions"));
        System.out.printf("bench pay-link: %d joins/s for %d s over %d sessions, %d cores, Java %s%n", rate, seconds,
                sessionCount, Runtime.getRuntime().availableProcessors(), Runtime.version());
        Products.Product product = Products.configure(UUID.randomUUID(), Map.of("M", 1), Map.of("M", 10_000_000),
                List.of("M"));
        List<UUID> sessions = Products.openBenchSessions(product, sessionCount);
        int total = rate * seconds;
        JoinBenchmark.Customers customers = JoinBenchmark.Customers.of(total);

        Map<UUID, Join> waiting = new ConcurrentHashMap<>();
        ConcurrentLinkedQueue<Join> joins = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Thread poller = Thread.ofPlatform().name("pay-link-poller").start(() -> poll(waiting));
        long period = 1_000_000_000L / rate;
        long start = System.nanoTime();
        List<Thread> inFlight = new ArrayList<>();
        for (int i = 0; i < total; i++) {
            long due = start + i * period;
            long wait = due - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int customer = i;
            inFlight.add(Thread.ofVirtual().start(() -> {
                UUID session = sessions.get(ThreadLocalRandom.current().nextInt(sessions.size()));
                Join join = new Join(System.nanoTime());
                try {
                    HttpResponse<String> response = JoinBenchmark.RestClient.HTTP.send(
                            JoinBenchmark.RestClient.request(session, product.variant("M"), customers.tokens[customer], null),
                            HttpResponse.BodyHandlers.ofString());
                    join.answered = System.nanoTime();
                    if (response.statusCode() != 201) {
                        throw new IllegalStateException("HTTP " + response.statusCode() + ": " + response.body());
                    }
                    JsonNode body = JSON.readTree(response.body());
                    joins.add(join);
                    if (body.hasNonNull("paymentUrl")) {
                        join.linkInAnswer = true;
                        join.linked = join.answered;
                    } else {
                        waiting.put(UUID.fromString(body.get("participantId").asText()), join);
                    }
                } catch (Exception e) {
                    errors.incrementAndGet();
                    if (failures.size() < 5) {
                        failures.add(e.toString());
                    }
                }
            }));
        }
        for (Thread t : inFlight) {
            t.join();
        }
        long lastJoin = System.nanoTime();
        long deadline = lastJoin + Duration.ofSeconds(o.number("drain-timeout")).toNanos();
        while (!waiting.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        poller.interrupt();
        poller.join();

        List<Join> done = joins.stream().filter(j -> j.linked > 0).toList();
        long inAnswer = done.stream().filter(j -> j.linkInAnswer).count();
        Latencies sentToLink = Latencies.of(done.stream().mapToLong(j -> j.linked - j.sent).toArray());
        Latencies answerToLink = Latencies.of(done.stream().mapToLong(j -> j.linked - j.answered).toArray());
        Latencies join = Latencies.of(joins.stream().mapToLong(j -> j.answered - j.sent).toArray());
        long firstSent = joins.stream().mapToLong(j -> j.sent).min().orElse(start);
        long lastLinked = done.stream().mapToLong(j -> j.linked).max().orElse(firstSent + 1);
        double span = Math.max(1, lastLinked - firstSent) / 1e9;

        System.out.println();
        System.out.printf("%-34s %8s %8s %8s %8s %8s%n", "bench pay-link", "count", "p50 ms", "p90 ms", "p99 ms",
                "max ms");
        row("join answered", join);
        row("join sent -> link visible", sentToLink);
        row("join answered -> link visible", answerToLink);
        System.out.printf("joins %d at %d/s (errors %d), links %d (%d in the join's answer, %d still missing), "
                + "links/s %.1f over %.1f s%n", joins.size(), rate, errors.get(), done.size(), inAnswer,
                joins.size() - done.size(), done.size() / span, span);
        System.out.printf("invoices created: %d%n", invoices(sessions));
        for (String failure : failures) {
            System.out.println("  failure: " + failure);
        }
    }

    private static void row(String what, Latencies l) {
        System.out.printf("%-34s %8d %8.1f %8.1f %8.1f %8.1f%n", what, l.count(), l.p50(), l.p90(), l.p99(), l.max());
    }

    /** Every 10 ms: which of the waiting seats show their link now. */
    private static void poll(Map<UUID, Join> waiting) {
        try (Connection db = Platform.database("group_buying"); PreparedStatement q = db.prepareStatement(
                "select id from participant where id = any(?) and payment_url is not null")) {
            while (!Thread.currentThread().isInterrupted()) {
                if (!waiting.isEmpty()) {
                    Array ids = db.createArrayOf("uuid", waiting.keySet().toArray());
                    q.setArray(1, ids);
                    try (ResultSet r = q.executeQuery()) {
                        long now = System.nanoTime();
                        while (r.next()) {
                            Join join = waiting.remove((UUID) r.getObject(1));
                            if (join != null) {
                                join.linked = now;
                            }
                        }
                    }
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            System.err.println("pay-link poller failed: " + e);
        }
    }

    private static long invoices(List<UUID> sessions) throws Exception {
        try (Connection db = Platform.database("payment"); PreparedStatement q = db.prepareStatement(
                "select count(*) from payment where session_id = any(?) and invoice_url is not null")) {
            q.setArray(1, db.createArrayOf("uuid", sessions.toArray()));
            try (ResultSet r = q.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }
}
