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
        account.seatsExpected = 3;
        account.seatsSettled = 3;
        return account;
    }

    @Test
    void releaseWaitsForEverySeatOfTheOutcome() {
        SessionAccount account = account(SessionAccount.CONFIRMED, DONE);
        account.seatsSettled = 2;
        assertThat(account.releaseDue(true)).isFalse();
        account.seatsSettled = 3;
        assertThat(account.releaseDue(true)).isTrue();
    }

    @Test
    void aFailedOrCancelledSessionReleasesNothing() {
        assertThat(account(SessionAccount.FAILED, DONE).releaseDue(true)).isFalse();
        assertThat(account(SessionAccount.CANCELLED, DONE).releaseDue(true)).isFalse();
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
