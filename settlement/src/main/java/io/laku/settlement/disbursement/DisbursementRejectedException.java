package io.laku.settlement.disbursement;

/** The gateway refused the disbursement (a 4xx other than 429): the same request cannot succeed. */
public class DisbursementRejectedException extends RuntimeException {

    private final String errorCode;

    public DisbursementRejectedException(int status, String errorCode, String message) {
        super("gateway answered HTTP " + status + " " + errorCode + ": " + message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
