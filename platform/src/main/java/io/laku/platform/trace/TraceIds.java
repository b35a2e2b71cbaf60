package io.laku.platform.trace;

import java.util.HexFormat;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.MDC;

/**
 * The trace id that follows one business flow: taken from the caller (W3C {@code traceparent} or
 * {@code X-Trace-Id}) or made at the REST ingress, written into every outbox row as the
 * {@code traceId} header, and picked up again by every consumer of those events. Kept in the
 * logging MDC, so every structured log line carries it.
 */
public final class TraceIds {

    public static final String MDC_TRACE_ID = "traceId";
    public static final String MDC_EVENT_ID = "eventId";
    public static final String HEADER = "X-Trace-Id";

    private TraceIds() {
    }

    public static String newTraceId() {
        byte[] bytes = new byte[16];
        ThreadLocalRandom.current().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The trace id of the work in progress, or a new one when there is none. */
    public static String current() {
        Object traceId = MDC.get(MDC_TRACE_ID);
        return traceId == null ? newTraceId() : traceId.toString();
    }

    /** The trace id part of a W3C traceparent ({@code 00-<trace-id>-<span-id>-<flags>}), if well formed. */
    public static String fromTraceparent(String traceparent) {
        if (traceparent == null) {
            return null;
        }
        String[] parts = traceparent.trim().split("-");
        return parts.length == 4 && parts[1].matches("[0-9a-f]{32}") ? parts[1] : null;
    }
}
