package io.laku.e2e;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * {@code ./laku bench saga}: a session of N paid participants (stock on hand, {@link LargeSession}: the joins, invoices
 * and payments each timed), then the time from its expiry to every refund credited, every order created and
 * {@code success}. No same-run ceiling: the cascade crosses five services and their consumers, so the per-stage times
 * (and their rates) are the figures.
 */
final class SagaBenchmark {

    static final String USAGE = "./laku bench saga [--participants N]";

    private SagaBenchmark() {
    }

    static void run(String[] args) throws Exception {
        int participants = BenchOptions.parse(args, Map.of("participants", 1_000L), Set.of(), USAGE).number("participants");
        System.out.println("setting up a session of " + participants + " paid participants...");
        LargeSession large = LargeSession.paid(participants, line -> System.out.println("  " + line));
        Instant start = Instant.now();
        long t0 = System.nanoTime();
        LargeSession.expire(large.session);
        long expired = System.nanoTime() - t0;
        long refundsAt = -1, ordersAt = -1, successAt = -1;
        while (successAt < 0 || refundsAt < 0 || ordersAt < 0) {
            LargeSession.Progress p = large.progress();
            long now = System.nanoTime() - t0;
            if (refundsAt < 0 && p.refundsCredited() == participants) {
                refundsAt = now;
            }
            if (ordersAt < 0 && p.orders() == participants) {
                ordersAt = now;
            }
            if (successAt < 0 && "success".equals(p.status())) {
                successAt = now;
            }
            if (Duration.ofNanos(now).toMinutes() > 15) {
                throw new IllegalStateException("not done after 15 minutes: " + p);
            }
            Thread.sleep(200);
        }
        Money.assertEscrowSettled(large.session.toString());
        System.out.printf("%nbench saga: %d participants, %d cores%n", participants,
                Runtime.getRuntime().availableProcessors());
        System.out.printf("  expiry call                %7d ms%n", expired / 1_000_000);
        System.out.printf("  all refunds credited       %7d ms after the expiry (%.0f/s)%n", refundsAt / 1_000_000,
                participants / (refundsAt / 1e9));
        System.out.printf("  all orders created         %7d ms after the expiry (%.0f/s)%n", ordersAt / 1_000_000,
                participants / (ordersAt / 1e9));
        System.out.printf("  success                    %7d ms after the expiry%n", successAt / 1_000_000);
        System.out.printf("  dead letters               %7d%n", DeadLetters.since(start).size());
    }
}
