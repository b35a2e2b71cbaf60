package io.laku.warehouse.fulfilment;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.random.RandomGenerator;

/**
 * Purchase order numbers a person can read out on the phone: {@code PO-<yyyyMMdd UTC>-<6 characters>}, e.g.
 * {@code PO-20261124-7F3K2A}. The alphabet leaves out I and O (read as 1 and 0). About 10^9 numbers a day, so a
 * clash is unlikely; the unique constraint catches one and the step is retried with a new number.
 */
public final class PurchaseOrderNumbers {

    static final String ALPHABET = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(ZoneOffset.UTC);

    private PurchaseOrderNumbers() {
    }

    public static String next(Instant now, RandomGenerator random) {
        StringBuilder number = new StringBuilder("PO-").append(DAY.format(now)).append('-');
        for (int i = 0; i < 6; i++) {
            number.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return number.toString();
    }
}
