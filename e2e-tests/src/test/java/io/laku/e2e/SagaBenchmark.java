package io.laku.e2e;

import java.time.Duration;
import java.time.Instant;

/**
 * Not a test: a session of N paid participants (stock on hand), then the time from its expiry to every refund
 * credited, every order created and {@code success}, with the figures on the way. Run with the stack up:
 *
 * <pre>./laku bench saga --participants 10000</pre>
 */
public final class SagaBenchmark {

    public static void main(String[] args) throws Exception {
        int participants = 1_000;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--participants")) {
                participants = Integer.parseInt(args[++i]);
            } else {
                throw new IllegalArgumentException("usage: SagaBenchmark [--participants N]");
            }
        }
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
        System.out.printf("participants %d | expiry call %d ms | all refunds credited %d ms | all orders %d ms | "
                + "success %d ms | dead letters %d%n", participants, expired / 1_000_000, refundsAt / 1_000_000,
                ordersAt / 1_000_000, successAt / 1_000_000, DeadLetters.since(start).size());
    }
}
