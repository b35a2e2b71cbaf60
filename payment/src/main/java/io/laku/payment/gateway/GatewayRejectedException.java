package io.laku.payment.gateway;

/**
 * The gateway refused the request for what it is (400, 404, 409, 422): sending the same request again cannot help.
 * Other answers (401/403: our credentials, 408, 429, 5xx) and no answer at all are transient.
 */
public class GatewayRejectedException extends RuntimeException {

    private final int status;

    public GatewayRejectedException(int status, String message) {
        super("gateway answered HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }

    /** Whether an HTTP status is a refusal of the request itself. */
    public static boolean refuses(int status) {
        return status == 400 || status == 404 || status == 409 || status == 422;
    }
}
