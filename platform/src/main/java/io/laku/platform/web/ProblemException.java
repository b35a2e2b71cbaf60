package io.laku.platform.web;

import java.util.LinkedHashMap;
import java.util.Map;

/** A business or input error that becomes a problem+json response; thrown before anything is written. */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String type;
    private final String title;
    private final String field;
    private final Map<String, Object> extensions;

    public ProblemException(int status, String type, String title, String detail, String field,
            Map<String, Object> extensions) {
        super(detail);
        this.status = status;
        this.type = type;
        this.title = title;
        this.field = field;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(new LinkedHashMap<>(extensions));
    }

    public static ProblemException invalid(String field, String detail) {
        return new ProblemException(400, "invalid-input", "Invalid input", detail, field, null);
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist", null, null);
    }

    public static ProblemException conflict(String type, String detail, String field, Map<String, Object> extensions) {
        return new ProblemException(409, type, "Conflict", detail, field, extensions);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail, null, null);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String traceId) {
        return new Problem(Problem.TYPE_BASE + type, title, status, getMessage(), field, traceId, extensions);
    }
}
