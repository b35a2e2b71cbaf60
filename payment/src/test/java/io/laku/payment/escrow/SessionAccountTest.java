package io.laku.payment.escrow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class SessionAccountTest {

    private static final Instant DONE = Instant.parse("2026-11-24T10:00:00Z");

    private static SessionAccount account(String state, Instant productionCompletedAt) {
        SessionAccount account = new SessionAccount();
        account.state = state;
        account.productionCompletedAt = productionCompletedAt;
        return account;
    }

    @Test
    void releaseWaitsForBothProductionAndOrders() {
        assertThat(account(SessionAccount.CONFIRMED, DONE).releaseDue(true)).isTrue();
        assertThat(account(SessionAccount.CONFIRMED, DONE).releaseDue(false)).isFalse();
        assertThat(account(SessionAccount.CONFIRMED, null).releaseDue(true)).isFalse();
    }

    @Test
    void releaseHappensOnce() {
        assertThat(account(SessionAccount.RELEASED, DONE).releaseDue(true)).isFalse();
    }
}
