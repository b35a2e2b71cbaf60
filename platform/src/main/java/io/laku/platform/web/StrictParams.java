package io.laku.platform.web;

import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.UUID;
import java.util.function.Function;

/**
 * Reads every {@code UUID}, {@code int} and {@code long} path and query parameter strictly: a malformed value is a
 * 400 naming the parameter ({@link RequestParams}). Left to JAX-RS, a path or query parameter that does not convert
 * answers 404 (the specification says so), which reads as "no such resource" to a client that sent a typo.
 */
@Provider
public class StrictParams implements ParamConverterProvider {

    @Override
    @SuppressWarnings("unchecked")
    public <T> ParamConverter<T> getConverter(Class<T> rawType, Type genericType, Annotation[] annotations) {
        String name = nameOf(annotations);
        if (rawType == UUID.class) {
            return (ParamConverter<T>) converter(value -> value.isEmpty() ? null : RequestParams.uuid(value, name));
        }
        if (rawType == int.class || rawType == Integer.class) {
            return (ParamConverter<T>) converter(value -> (int) whole(value, name, Integer.MIN_VALUE, Integer.MAX_VALUE));
        }
        if (rawType == long.class || rawType == Long.class) {
            return (ParamConverter<T>) converter(value -> whole(value, name, Long.MIN_VALUE, Long.MAX_VALUE));
        }
        return null;
    }

    private static <V> ParamConverter<V> converter(Function<String, V> read) {
        return new ParamConverter<>() {
            @Override
            public V fromString(String value) {
                if (value == null) {
                    return null;
                }
                try {
                    return read.apply(value);
                } catch (ProblemException e) {
                    // a WebApplicationException passes through parameter conversion unchanged (anything else is a 404)
                    throw new BadRequestException(e);
                }
            }

            @Override
            public String toString(V value) {
                return String.valueOf(value);
            }
        };
    }

    private static long whole(String value, String name, long min, long max) {
        try {
            long n = Long.parseLong(value.trim());
            if (n < min || n > max) {
                throw new NumberFormatException();
            }
            return n;
        } catch (NumberFormatException e) {
            throw ProblemException.invalid(name, name + " must be a whole number between " + min + " and " + max
                    + ", was '" + RequestParams.shown(value) + "'");
        }
    }

    private static String nameOf(Annotation[] annotations) {
        if (annotations != null) {
            for (Annotation a : annotations) {
                if (a instanceof PathParam p) {
                    return p.value();
                }
                if (a instanceof QueryParam q) {
                    return q.value();
                }
            }
        }
        return "id";
    }
}
