package io.laku.order.ordering;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class OrderNumberTest {

    static final Instant MORNING_IN_JAKARTA = Instant.parse("2026-11-24T03:15:00Z");

    @Test
    void theDayInJakartaThenTheOrderIdsTopThirtyBitsInCrockfordBase32() {
        // 7F3K2A = 7,15,3,19,2,10 in Crockford's alphabet (no I, L, O, U)
        long top = ((((7L * 32 + 15) * 32 + 3) * 32 + 19) * 32 + 2) * 32 + 10;
        UUID orderId = new UUID(top << 34 | 0x3_FFFF_FFFFL, -1L); // the lower bits do not show
        assertThat(OrderNumber.of(MORNING_IN_JAKARTA, orderId)).isEqualTo("LK-20261124-7F3K2A");
    }

    @Test
    void theDateIsJakartasDayNotUtcs() {
        UUID zero = new UUID(0, 0);
        // 23:30 UTC on the 23rd is 06:30 on the 24th in Jakarta (UTC+7)
        assertThat(OrderNumber.of(Instant.parse("2026-11-23T23:30:00Z"), zero)).isEqualTo("LK-20261124-000000");
        assertThat(OrderNumber.of(Instant.parse("2026-11-23T16:59:59Z"), zero)).isEqualTo("LK-20261123-000000");
        assertThat(OrderNumber.of(Instant.parse("2026-11-23T17:00:00Z"), new UUID(-1L, -1L)))
                .isEqualTo("LK-20261124-ZZZZZZ");
    }

    @Test
    void randomOrderIdsGiveReadableDistinctNumbers() {
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 2_000; i++) {
            String number = OrderNumber.of(MORNING_IN_JAKARTA, UUID.randomUUID());
            assertThat(number).matches("LK-20261124-[0-9A-HJKMNP-TV-Z]{6}");
            numbers.add(number);
        }
        // 2^30 suffixes a day: 2,000 orders clash with p ~ 0.2%; two clashes (p ~ 2e-6) would mean the bits are not random
        assertThat(numbers).hasSizeGreaterThanOrEqualTo(1_999);
    }
}
