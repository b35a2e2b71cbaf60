package io.laku.groupbuying.session;

/** SPEC §4: forming -> (moq_reached | pending_stock) -> success; forming -> failed | cancelled. */
public enum SessionStatus {
    FORMING("forming"),
    /** Expired with a tier: the outcome is published, fulfilment has not reported yet (not in SPEC, see README). */
    CONFIRMED("confirmed"),
    MOQ_REACHED("moq_reached"),
    PENDING_STOCK("pending_stock"),
    SUCCESS("success"),
    FAILED("failed"),
    CANCELLED("cancelled");

    private final String code;

    SessionStatus(String code) {
        this.code = code;
    }

    public String code() {
        return code;
    }

    public static SessionStatus ofCode(String code) {
        for (SessionStatus status : values()) {
            if (status.code.equals(code)) {
                return status;
            }
        }
        throw new IllegalArgumentException("Unknown session status " + code);
    }
}
