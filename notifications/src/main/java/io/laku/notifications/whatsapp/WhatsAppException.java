package io.laku.notifications.whatsapp;

/**
 * WhatsApp did not accept a message. {@link #retryable()} says whether sending the same message again can
 * help (server errors, throttling, the network) or not (a refused request: bad number, bad token).
 */
public class WhatsAppException extends RuntimeException {

    private final int status;
    private final boolean retryable;

    public WhatsAppException(int status, String message, boolean retryable) {
        super(message);
        this.status = status;
        this.retryable = retryable;
    }

    public WhatsAppException(String message, Throwable cause) {
        super(message, cause);
        this.status = -1;
        this.retryable = true;
    }

    /** The HTTP status, or -1 when there was no answer. */
    public int status() {
        return status;
    }

    public boolean retryable() {
        return retryable;
    }
}
