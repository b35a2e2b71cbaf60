package io.laku.platform.web;

import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/** A request with a NUL character in its body, path or query is a 400 before any endpoint sees it. */
@Provider
public class NulCharacterGuard implements ReaderInterceptor {

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        context.setInputStream(new Scanned(context.getInputStream()));
        return context.proceed();
    }

    /** After the trace id filter (priority USER), so the refusal carries the trace id. */
    @ServerRequestFilter(preMatching = true, priority = Priorities.USER + 100)
    public void refuseNulInTheAddress(ContainerRequestContext request) {
        if (request.getUriInfo().getPath().indexOf('\0') >= 0) {
            throw refused("path");
        }
        for (Map.Entry<String, List<String>> parameter : request.getUriInfo().getQueryParameters().entrySet()) {
            if (parameter.getKey().indexOf('\0') >= 0 || parameter.getValue().stream().anyMatch(v -> v.indexOf('\0') >= 0)) {
                throw refused(parameter.getKey());
            }
        }
    }

    private static ProblemException refused(String field) {
        return ProblemException.invalid(field, "The request contains a NUL character (\\u0000), which no field accepts");
    }

    private static final class Scanned extends FilterInputStream {
        private final NulCharacters scan = new NulCharacters();

        Scanned(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0 && scan.accept(b)) {
                throw refused(null);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            for (int i = offset; i < offset + n; i++) {
                if (scan.accept(buffer[i] & 0xff)) {
                    throw refused(null);
                }
            }
            return n;
        }
    }
}
