package io.laku.warehouse.fulfilment;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

class PurchaseOrderNumbersTest {

    @Test
    void aNumberCarriesTheUtcDayAndSixReadableCharacters() {
        String number = PurchaseOrderNumbers.next(Instant.parse("2026-11-24T23:30:00Z"), new Random(7));

        assertThat(number).matches("PO-20261124-[0-9A-HJ-NP-Z]{6}");
    }

    @Test
    void theDayIsUtcNotTheServersZone() {
        assertThat(PurchaseOrderNumbers.next(Instant.parse("2026-11-24T17:30:00Z"), new Random(1)))
                .startsWith("PO-20261124-");
        assertThat(PurchaseOrderNumbers.next(Instant.parse("2026-11-25T00:00:00Z"), new Random(1)))
                .startsWith("PO-20261125-");
    }

    @Test
    void numbersOfOneDayDiffer() {
        Random random = new Random(42);
        Set<String> numbers = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            numbers.add(PurchaseOrderNumbers.next(Instant.parse("2026-11-24T08:00:00Z"), random));
        }
        assertThat(numbers).hasSize(10_000);
    }

    @Test
    void theAlphabetLeavesOutLettersReadAsDigits() {
        assertThat(PurchaseOrderNumbers.ALPHABET).doesNotContain("I", "O").hasSize(34);
    }
}
