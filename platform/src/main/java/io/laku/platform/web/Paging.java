package io.laku.platform.web;

/** The page parameters every list endpoint takes; bad values are a 400 naming the parameter. */
public final class Paging {

    public static final int DEFAULT_MAX_SIZE = 100;

    private Paging() {
    }

    public static void require(int page, int size, int maxSize) {
        if (page < 0) {
            throw ProblemException.invalid("page", "page must be >= 0");
        }
        if (size < 1 || size > maxSize) {
            throw ProblemException.invalid("size", "size must be between 1 and " + maxSize);
        }
    }
}
