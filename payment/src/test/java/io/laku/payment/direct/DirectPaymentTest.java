package io.laku.payment.direct;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.payment.callbacks.CallbackDecision;
import org.junit.jupiter.api.Test;

/**
 * A store order's direct payment answers the gateway's callbacks with the escrow's rule: paid while open, refunded in
 * full when paid after it ended (expired or cancelled), expired only while open, and never paid twice.
 */
class DirectPaymentTest {

    private static CallbackDecision decide(String status, String callback) {
        DirectPayment payment = new DirectPayment();
        payment.status = status;
        return CallbackDecision.decide(payment.callbackStatus(), true, callback, 300_000, 300_000);
    }

    @Test
    void anOpenPaymentIsPaidOrExpires() {
        assertThat(decide(DirectPayment.AWAITING_PAYMENT, "PAID")).isEqualTo(CallbackDecision.PAY);
        assertThat(decide(DirectPayment.PENDING_INVOICE, "PAID")).isEqualTo(CallbackDecision.PAY);
        assertThat(decide(DirectPayment.AWAITING_PAYMENT, "EXPIRED")).isEqualTo(CallbackDecision.EXPIRE);
    }

    @Test
    void moneyForAnOrderThatEndedGoesBackToTheWallet() {
        assertThat(decide(DirectPayment.CANCELLED, "PAID")).isEqualTo(CallbackDecision.LATE_PAYMENT_REFUND);
        assertThat(decide(DirectPayment.EXPIRED, "PAID")).isEqualTo(CallbackDecision.LATE_PAYMENT_REFUND);
    }

    @Test
    void aPaidPaymentIsNeverPaidAgainNorExpired() {
        for (String status : new String[] {DirectPayment.PAID, DirectPayment.REFUNDED, DirectPayment.SETTLED,
                DirectPayment.LATE_PAID}) {
            assertThat(decide(status, "PAID")).as(status).isEqualTo(CallbackDecision.IGNORE);
            assertThat(decide(status, "EXPIRED")).as(status).isEqualTo(CallbackDecision.IGNORE);
        }
        assertThat(decide(DirectPayment.CANCELLED, "EXPIRED")).isEqualTo(CallbackDecision.IGNORE);
    }
}
