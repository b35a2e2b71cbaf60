package io.laku.payment.callbacks;

/**
 * What a gateway callback does to a payment. Plain Java, unit-tested: callbacks come late, twice and
 * out of order, and every combination has exactly one answer.
 */
public enum CallbackDecision {
    /** The seat's escrow is paid. */
    PAY,
    /**
     * Paid for a seat that is not a paid participant (its invoice expired or could not be made, the seat left or was
     * dropped by the outcome, or the session has its outcome): take the money in and refund all of it to the wallet.
     */
    LATE_PAYMENT_REFUND,
    /** The invoice expired unpaid: the seat is released. */
    EXPIRE,
    /** Nothing changes (e.g. EXPIRED after PAID, a repeat, a status we do not act on). */
    IGNORE,
    /** The amount paid is not the invoice's: flagged, refunded in full to the wallet; the seat stays as it was. */
    AMOUNT_MISMATCH;

    /** What the callback did, as recorded with it ({@code webhook_event.outcome}) and answered to the gateway. */
    public String outcome() {
        return switch (this) {
            case PAY -> "paid";
            case LATE_PAYMENT_REFUND -> "late_payment_refunded";
            case EXPIRE -> "expired";
            case IGNORE -> "ignored";
            case AMOUNT_MISMATCH -> "amount_mismatch";
        };
    }

    public static final String PAID = "PAID";
    public static final String SETTLED = "SETTLED";
    public static final String EXPIRED = "EXPIRED";

    /**
     * @param paymentStatus the payment's status: {@code pending_invoice} and {@code awaiting_payment} are open; a
     *     payment reaching any other (expired, cancelled, invoice_failed) is late
     * @param seatTakesPayments the session has no outcome yet and the seat has not ended (left, dropped): a payment
     *     now pays the seat; otherwise it is a late payment
     */
    public static CallbackDecision decide(String paymentStatus, boolean seatTakesPayments, String callbackStatus,
            long invoiceAmount, long paidAmount) {
        boolean open = "pending_invoice".equals(paymentStatus) || "awaiting_payment".equals(paymentStatus);
        if (PAID.equals(callbackStatus) || SETTLED.equals(callbackStatus)) {
            if (paidAmount != invoiceAmount) {
                return AMOUNT_MISMATCH;
            }
            if ("paid".equals(paymentStatus) || "late_paid".equals(paymentStatus)) {
                return IGNORE;
            }
            return open && seatTakesPayments ? PAY : LATE_PAYMENT_REFUND;
        }
        if (EXPIRED.equals(callbackStatus)) {
            return open ? EXPIRE : IGNORE;
        }
        return IGNORE;
    }
}
