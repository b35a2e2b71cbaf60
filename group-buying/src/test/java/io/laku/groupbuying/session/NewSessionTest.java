package io.laku.groupbuying.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.platform.web.ProblemException;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NewSessionTest {

    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private static final Instant NEXT_WEEK = NOW.plusSeconds(7 * 24 * 3600);

    @Test
    void theSeedSessionIsValid() {
        var prices = seed().validate(NOW);
        assertThat(prices.groupPrice()).isEqualTo(200_000L);
        assertThat(prices.priceTier100()).isEqualTo(105_000L);
    }

    @ParameterizedTest
    @CsvSource({
            "productId, 1,   200000, 150000, 135000, 120000, 105000, 'productId is required'",
            "targetMoq, 1,   200000, 150000, 135000, 120000, 105000, 'targetMoq must be at least 2, was 1'",
            "groupPrice, 100, 0,     150000, 135000, 120000, 105000, 'groupPrice must be > 0, was 0'",
            "priceTier25, 100, 200000, 250000, 135000, 120000, 105000, 'priceTier25 (250000) must be <= groupPrice (200000)'",
            "priceTier100, 100, 200000, 150000, 135000, 120000, 130000, 'priceTier100 (130000) must be <= priceTier75 (120000)'",
    })
    void eachRuleFailsWithItsOwnMessage(String field, int moq, long group, long t25, long t50, long t75, long t100,
            String message) {
        UUID product = "productId".equals(field) ? null : UUID.randomUUID();
        var request = new NewSession(product, null, null, moq, group, t25, t50, t75, t100, NEXT_WEEK, null, null);
        assertThatThrownBy(() -> request.validate(NOW))
                .isInstanceOfSatisfying(ProblemException.class, e -> {
                    assertThat(e.status()).isEqualTo(400);
                    assertThat(e.toProblem(null).field()).isEqualTo(field);
                })
                .hasMessageContaining(message);
    }

    @Test
    void theEndMustBeInTheFuture() {
        var request = new NewSession(UUID.randomUUID(), null, null, 100, 200_000L, 150_000L, 135_000L, 120_000L,
                105_000L, NOW, null, null);
        assertThatThrownBy(() -> request.validate(NOW)).hasMessageContaining("endTime must be in the future");
    }

    @Test
    void aSessionsOwnUnpaidCapIsAtLeastOneUnit() {
        var request = new NewSession(UUID.randomUUID(), null, null, 100, 200_000L, 150_000L, 135_000L, 120_000L,
                105_000L, NEXT_WEEK, null, 0);
        assertThatThrownBy(() -> request.validate(NOW))
                .hasMessageContaining("maxUnpaidUnitsPerCustomer must be at least 1, was 0");
    }

    @Test
    void theBotIsAllowedUnlessSaidOtherwise() {
        assertThat(seed().botAllowedOrDefault()).isTrue();
    }

    private static NewSession seed() {
        return new NewSession(UUID.randomUUID(), null, "HOODIE-1", 100, 200_000L, 150_000L, 135_000L, 120_000L,
                105_000L, NEXT_WEEK, null, null);
    }
}
