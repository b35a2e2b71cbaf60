package io.laku.platform.money;

import java.text.NumberFormat;
import java.util.Locale;

/** Whole rupiah as people in Indonesia read them: {@code Rp 1.500.000}. Money is always a {@code long}. */
public final class Rupiah {

    private static final Locale INDONESIA = Locale.forLanguageTag("id-ID");

    private Rupiah() {
    }

    public static String format(long amount) {
        String digits = NumberFormat.getIntegerInstance(INDONESIA).format(Math.abs(amount));
        return (amount < 0 ? "-Rp " : "Rp ") + digits;
    }
}
