package io.laku.order.ordering;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/**
 * The order number people read and type: {@code LK-<yyyyMMdd>-<6 characters>}, e.g. {@code LK-20261124-7F3K2A}.
 *
 * <p>The date is the order's day in Jakarta (WIB), the day the customer lives. The suffix is the order id's 30 most
 * significant bits (random in a v4 UUID) in Crockford's base 32, which has no I, L, O or U to misread: 2^30 numbers
 * per day. The column is unique; a clash (about one in a million per pair of orders made the same day) fails the
 * transaction, which is then retried with new order ids.
 */
public final class OrderNumber {

    static final ZoneId WIB = ZoneId.of("Asia/Jakarta");
    private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyyMMdd").withZone(WIB);
    private static final int SUFFIX_LENGTH = 6;

    private OrderNumber() {
    }

    public static String of(Instant createdAt, UUID orderId) {
        long bits = orderId.getMostSignificantBits() >>> (Long.SIZE - 5 * SUFFIX_LENGTH);
        char[] suffix = new char[SUFFIX_LENGTH];
        for (int i = SUFFIX_LENGTH - 1; i >= 0; i--) {
            suffix[i] = ALPHABET.charAt((int) (bits & 31));
            bits >>>= 5;
        }
        return "LK-" + DAY.format(createdAt) + "-" + new String(suffix);
    }
}
