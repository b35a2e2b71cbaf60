package io.laku.platform.web;

import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Path and query parameters read as text and checked here, so a malformed id or page is a 400 naming the parameter
 * (a typed JAX-RS parameter that does not parse would answer 404).
 */
public final class RequestParams {

    public static final int MAX_PAGE_SIZE = Paging.DEFAULT_MAX_SIZE;

    private RequestParams() {
    }

    /** A canonical UUID (36 characters, 8-4-4-4-12 hex); {@code UUID.fromString} alone accepts "1-1-1-1-1". */
    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    public static UUID uuid(String value, String field) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw ProblemException.invalid(field, field + " must be a UUID, was '" + shown(value) + "'");
        }
        return UUID.fromString(value);
    }

    public static UUID optionalUuid(String value, String field) {
        return value == null || value.isBlank() ? null : uuid(value, field);
    }

    /** page (from 0) and size, checked by the platform's paging rule. */
    public static PageRequest page(String page, String size) {
        int p = integer(page, "page", 0);
        int s = integer(size, "size", 20);
        Paging.require(p, s, MAX_PAGE_SIZE);
        return new PageRequest(p, s);
    }

    private static int integer(String value, String field, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(field, field + " must be a whole number");
        }
    }

    /** A value as an error message may repeat it: at most 40 characters. */
    static String shown(String value) {
        return value == null || value.length() <= 40 ? value : value.substring(0, 40) + "...";
    }

    public record PageRequest(int page, int size) {
        public io.quarkus.panache.common.Page panache() {
            return io.quarkus.panache.common.Page.of(page, size);
        }
    }
}
