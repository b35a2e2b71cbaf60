package io.laku.groupbuying.grosir;

import static io.laku.groupbuying.grosir.PremiumHoodie.CONFIG;
import static io.laku.groupbuying.grosir.PremiumHoodie.SIZES;
import static io.laku.groupbuying.grosir.PremiumHoodie.size;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every row of the SPEC §3 worked-examples table, Premium Hoodie (bundle S2 M5 L4 XL1, tolerance S20 M50 L40 XL30). */
class WorkedExamplesTest {

    @ParameterizedTest(name = "orders {0}: N={1} caps={2} B={3} available={4} locked={5}")
    @CsvSource(delimiter = '|', textBlock = """
            # orders S/M/L/XL | N  | caps S/M/L/XL | B  | available S/M/L/XL | locked variant:constraining
              0/0/0/0         | 0  | 10/10/10/30   | 10 | 20/50/40/10        |
              0/5/0/0         | 1  | 10/11/10/30   | 10 | 20/45/40/10        |
              0/50/0/0        | 10 | 10/20/10/30   | 10 | 20/0/40/10         | M:S
              20/50/40/10     | 10 | 20/20/20/40   | 20 | 20/50/40/10        |
            """)
    void matchesTheSpecTable(String orders, long n, String caps, long b, String available, String locked) {
        long[] o = numbers(orders);
        GrosirAllocation allocation = CONFIG.allocate(PremiumHoodie.orders(o[0], o[1], o[2], o[3]));

        assertThat(allocation.bundlesNeeded()).isEqualTo(n);
        assertThat(allocation.bundlesAllowed()).isEqualTo(b);
        assertThat(allocation.variants()).extracting(VariantAvailability::cap).containsExactly(boxed(numbers(caps)));
        assertThat(allocation.variants()).extracting(VariantAvailability::available).containsExactly(boxed(numbers(available)));
        assertThat(allocation.variants()).extracting(VariantAvailability::maxAllowed)
                .containsExactly(b * 2, b * 5, b * 4, b);
        assertThat(allocation.variants()).extracting(VariantAvailability::totalOrdered).containsExactly(boxed(o));

        Map<UUID, UUID> expectedConstraining = new HashMap<>();
        if (locked != null) {
            String[] lockedBy = locked.split(":");
            expectedConstraining.put(size(lockedBy[0]), size(lockedBy[1]));
        }
        for (UUID variant : SIZES) {
            VariantAvailability a = allocation.variant(variant);
            assertThat(a.isLocked()).as("locked %s", a.variantName()).isEqualTo(expectedConstraining.containsKey(variant));
            assertThat(a.constrainingVariant()).as("constraining %s", a.variantName()).isEqualTo(expectedConstraining.get(variant));
            assertThat(a.bundlesNeeded()).isEqualTo(n);
            assertThat(a.bundlesAllowed()).isEqualTo(b);
        }
    }

    private static long[] numbers(String slashSeparated) {
        return Arrays.stream(slashSeparated.split("/")).mapToLong(Long::parseLong).toArray();
    }

    private static Long[] boxed(long[] values) {
        return Arrays.stream(values).boxed().toArray(Long[]::new);
    }
}
