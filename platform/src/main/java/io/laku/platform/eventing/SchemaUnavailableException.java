package io.laku.platform.eventing;

/** The registry could not be asked for a schema (down, unreachable, or answering 5xx): decoding is retried. */
public class SchemaUnavailableException extends RuntimeException {

    public SchemaUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
