package io.laku.notifications.whatsapp;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A WhatsApp number in E.164 form: {@code +}, a country code that does not start with 0, 8 to 15 digits
 * in all. Spaces, dashes, dots and parentheses people type between the digits are dropped.
 */
public record PhoneNumber(String e164) {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{7,14}");
    private static final Pattern SEPARATORS = Pattern.compile("[\\s\\-.()]");

    public PhoneNumber {
        if (e164 == null || !E164.matcher(e164).matches()) {
            throw new IllegalArgumentException("not an E.164 number: " + e164);
        }
    }

    /** The number if the input is one, else empty. */
    public static Optional<PhoneNumber> parse(String input) {
        if (input == null) {
            return Optional.empty();
        }
        String compact = SEPARATORS.matcher(input.strip()).replaceAll("");
        return E164.matcher(compact).matches() ? Optional.of(new PhoneNumber(compact)) : Optional.empty();
    }

    /** The Cloud API's {@code to}: the digits without the plus. */
    public String digits() {
        return e164.substring(1);
    }

    @Override
    public String toString() {
        return e164;
    }
}
