package io.laku.payment.gateway;

/** The gateway refused the request (a 4xx other than 429): retrying the same call cannot help. */
public class GatewayRejectedException extends RuntimeException {

    private final int status;

    public GatewayRejectedException(int status, String message) {
        super("gateway answered HTTP " + status + ": " + message);
        this.status = status;
    }

    public int status() {
        return status;
    }
}
