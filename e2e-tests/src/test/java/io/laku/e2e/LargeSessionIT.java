package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.restassured.path.json.JsonPath;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A session of 1,000 paid participants, with Kafka Connect restarted while its outcome streams, goes from its expiry to every refund credited, every order created and
 * {@code success}, with exact money, one order and one notice per participant, and nothing dead-lettered. (The
 * 10,000-participant figure comes from {@link SagaBenchmark}, not from a test.)
 */
class LargeSessionIT {

    static final int PARTICIPANTS = 1_000;

    @Test
    void aThousandParticipantSessionSucceedsWithEveryRefundAndOrderOnce() throws Exception {
        Instant start = Instant.now();
        LargeSession large = LargeSession.paid(PARTICIPANTS, System.out::println);

        long t0 = System.nanoTime();
        LargeSession.expire(large.session);
        // Connect restarts while the outcome (the session event and 1,000 SeatSettled, one transaction) streams
        Stack.stop("connect");
        Stack.start("connect");
        LargeSession.Progress done = await("refunds, orders and success of " + PARTICIPANTS + " participants")
                .atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500))
                .until(large::progress, p -> p.refundsCredited() == PARTICIPANTS && p.orders() == PARTICIPANTS
                        && "success".equals(p.status()));
        System.out.printf("%d participants: expiry to success in %d ms%n", PARTICIPANTS, (System.nanoTime() - t0) / 1_000_000);

        long refund = LargeSession.GROUP_PRICE - LargeSession.FINAL_PRICE;
        assertThat(done.refundedAmount()).isEqualTo(PARTICIPANTS * refund);
        JsonPath ledger = Money.assertEscrowSettled(large.session.toString());
        assertThat(ledger.getLong("paidIn")).isEqualTo(PARTICIPANTS * LargeSession.GROUP_PRICE);
        assertThat(ledger.getLong("released")).isEqualTo(PARTICIPANTS * LargeSession.FINAL_PRICE);
        assertThat(large.participantsWithoutExactlyOneOrder()).isZero();
        // a sample of wallets over REST, as the customers see them
        for (int i = 0; i < PARTICIPANTS; i += 250) {
            assertThat(Money.wallet(large.users.get(i))).isEqualTo(refund);
        }
        await("every participant told").atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                .until(() -> large.noticesOfKind("session_confirmed") == PARTICIPANTS
                        && large.noticesOfKind("order_created") == PARTICIPANTS
                        && large.noticesOfKind("refund_credited") == PARTICIPANTS);
        assertThat(DeadLetters.since(start)).isEmpty();
    }
}
