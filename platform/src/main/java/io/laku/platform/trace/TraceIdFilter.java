package io.laku.platform.trace;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;

/** Gives every REST request a trace id (the caller's, or a new one) and echoes it in the response. */
public class TraceIdFilter {

    @ServerRequestFilter(preMatching = true)
    public void assignTraceId(ContainerRequestContext request) {
        String traceId = TraceIds.fromTraceparent(request.getHeaderString("traceparent"));
        if (traceId == null) {
            String given = request.getHeaderString(TraceIds.HEADER);
            traceId = given != null && given.matches("[0-9a-zA-Z-]{8,64}") ? given : TraceIds.newTraceId();
        }
        MDC.put(TraceIds.MDC_TRACE_ID, traceId);
        request.setProperty(TraceIds.MDC_TRACE_ID, traceId);
    }

    @ServerResponseFilter
    public void echoTraceId(ContainerRequestContext request, ContainerResponseContext response) {
        Object traceId = request.getProperty(TraceIds.MDC_TRACE_ID);
        if (traceId != null) {
            response.getHeaders().putSingle(TraceIds.HEADER, traceId.toString());
        }
    }
}
