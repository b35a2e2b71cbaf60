package io.laku.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.laku.platform.trace.TraceIds;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logging.Logger;
import org.jboss.logging.MDC;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/** Turns every error a Laku endpoint can raise into {@code application/problem+json}. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e) {
        return respond(e.toProblem(traceId()));
    }

    @ServerExceptionMapper
    public Response invalidBean(ConstraintViolationException e) {
        List<ConstraintViolation<?>> violations = e.getConstraintViolations().stream()
                .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                .toList();
        ConstraintViolation<?> first = violations.getFirst();
        String field = lastNode(first.getPropertyPath().toString());
        Map<String, Object> all = Map.of("violations", violations.stream()
                .collect(Collectors.toMap(v -> lastNode(v.getPropertyPath().toString()), ConstraintViolation::getMessage,
                        (a, b) -> a + "; " + b)));
        return respond(new ProblemException(400, "invalid-input", "Invalid input",
                field + ": " + first.getMessage(), field, all).toProblem(traceId()));
    }

    /** More specific than JsonProcessingException, so it wins over Quarkus' built-in mapper (empty 400). */
    @ServerExceptionMapper
    public Response mismatchedJson(MismatchedInputException e) {
        return unreadableJson(e);
    }

    @ServerExceptionMapper
    public Response unreadableJson(JsonProcessingException e) {
        ProblemException refused = causeOf(e, ProblemException.class);
        if (refused != null) {
            return problem(refused);
        }
        if (causeOf(e, StreamConstraintsException.class) != null) {
            return respond(ProblemException.invalid(null, "A text value is longer than " + JsonLimits.MAX_TEXT
                    + " characters, or the JSON is nested too deeply").toProblem(traceId()));
        }
        String field = null;
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
        }
        String detail = field == null ? "The request body is not valid JSON" : "The value of " + field + " cannot be read";
        return respond(ProblemException.invalid(field, detail).toProblem(traceId()));
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthorized() {
        return respond(new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401,
                "A valid bearer token is required", null, traceId(), null));
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this", null, traceId(), null));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        int status = e.getResponse().getStatus();
        if (e.getCause() instanceof ProblemException problem) {
            return problem(problem);
        }
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadableJson(json);
        }
        Response.Status known = Response.Status.fromStatusCode(status);
        String title = known == null ? "Error" : known.getReasonPhrase();
        return respond(new Problem(Problem.TYPE_BASE + title.toLowerCase().replace(' ', '-'), title, status,
                e.getMessage(), null, traceId(), null));
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        var database = DatabaseErrors.problemFor(e, constraint -> ConfigProvider.getConfig()
                .getOptionalValue("laku.unique-constraint." + constraint, String.class).orElse(null));
        if (database.isPresent()) {
            LOG.infof("Refused by the database: %s", rootMessage(e));
            return problem(database.get());
        }
        LOG.error("Unexpected error", e);
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "Something went wrong on our side; the trace id identifies it", null, traceId(), null));
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    private static String rootMessage(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }

    private static String traceId() {
        Object traceId = MDC.get(TraceIds.MDC_TRACE_ID);
        return traceId == null ? null : traceId.toString();
    }
}
