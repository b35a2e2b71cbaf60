package io.laku.payment.callbacks;

import static io.laku.payment.callbacks.CallbackDecision.AMOUNT_MISMATCH;
import static io.laku.payment.callbacks.CallbackDecision.EXPIRE;
import static io.laku.payment.callbacks.CallbackDecision.IGNORE;
import static io.laku.payment.callbacks.CallbackDecision.LATE_PAYMENT_REFUND;
import static io.laku.payment.callbacks.CallbackDecision.PAY;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CallbackDecisionTest {

    private static CallbackDecision decide(String paymentStatus, boolean open, String callback) {
        return CallbackDecision.decide(paymentStatus, open, callback, 1000, 1000);
    }

    @Test
    void paidOnAnAwaitingSeatOfAnOpenSessionPays() {
        assertThat(decide("awaiting_payment", true, "PAID")).isEqualTo(PAY);
        assertThat(decide("pending_invoice", true, "PAID")).isEqualTo(PAY);
        assertThat(decide("awaiting_payment", true, "SETTLED")).isEqualTo(PAY);
    }

    @Test
    void paidAfterExpiredIsALatePaymentRefundedToTheWallet() {
        assertThat(decide("expired", true, "PAID")).isEqualTo(LATE_PAYMENT_REFUND);
        assertThat(decide("cancelled", true, "PAID")).isEqualTo(LATE_PAYMENT_REFUND);
        assertThat(decide("expired", true, "SETTLED")).isEqualTo(LATE_PAYMENT_REFUND);
    }

    @Test
    void paidForAnInvoiceThatWasGivenUpIsALatePayment() {
        // the gateway made the invoice after all (its answer was lost) and the customer found it
        assertThat(decide("invoice_failed", true, "PAID")).isEqualTo(LATE_PAYMENT_REFUND);
        assertThat(decide("invoice_failed", true, "EXPIRED")).isEqualTo(IGNORE);
    }

    @Test
    void paidAfterTheSessionEndedOrTheSeatEndedIsALatePayment() {
        // seatTakesPayments is false once the session has its outcome, and once the seat left or was dropped unpaid
        assertThat(decide("awaiting_payment", false, "PAID")).isEqualTo(LATE_PAYMENT_REFUND);
        assertThat(decide("pending_invoice", false, "PAID")).isEqualTo(LATE_PAYMENT_REFUND);
    }

    @Test
    void expiredAfterPaidChangesNothing() {
        assertThat(decide("paid", true, "EXPIRED")).isEqualTo(IGNORE);
        assertThat(decide("late_paid", false, "EXPIRED")).isEqualTo(IGNORE);
    }

    @Test
    void expiredOnAnOpenSeatExpiresIt() {
        assertThat(decide("awaiting_payment", true, "EXPIRED")).isEqualTo(EXPIRE);
        assertThat(decide("awaiting_payment", false, "EXPIRED")).isEqualTo(EXPIRE);
    }

    @Test
    void repeatsAndOtherStatusesChangeNothing() {
        assertThat(decide("paid", true, "PAID")).isEqualTo(IGNORE);
        assertThat(decide("late_paid", true, "PAID")).isEqualTo(IGNORE);
        assertThat(decide("expired", true, "EXPIRED")).isEqualTo(IGNORE);
        assertThat(decide("awaiting_payment", true, "PENDING")).isEqualTo(IGNORE);
    }

    @Test
    void aPaymentOfTheWrongAmountIsRefundedWhateverTheSeat() {
        assertThat(CallbackDecision.decide("awaiting_payment", true, "PAID", 1000, 999)).isEqualTo(AMOUNT_MISMATCH);
        assertThat(CallbackDecision.decide("awaiting_payment", true, "PAID", 1000, 1001)).isEqualTo(AMOUNT_MISMATCH);
        assertThat(CallbackDecision.decide("expired", true, "PAID", 1000, 1001)).isEqualTo(AMOUNT_MISMATCH);
        assertThat(CallbackDecision.decide("awaiting_payment", false, "PAID", 1000, 500)).isEqualTo(AMOUNT_MISMATCH);
        // a seat already paid, paid again with another amount: that money is refunded too
        assertThat(CallbackDecision.decide("paid", true, "PAID", 1000, 400)).isEqualTo(AMOUNT_MISMATCH);
        // an EXPIRED callback carries no payment, whatever its amounts
        assertThat(CallbackDecision.decide("awaiting_payment", true, "EXPIRED", 1000, 0)).isEqualTo(EXPIRE);
    }

    @Test
    void theRaceAtTheDeadlineHasOneAnswerOnEachSide() {
        // the callback locked the session account before the outcome: the seat is paid, and counts in the outcome
        // (or, when group-buying had already dropped it, its SeatSettled DROPPED refunds it in full)
        assertThat(decide("awaiting_payment", true, "PAID")).isEqualTo(PAY);
        // the outcome came first, or the seat was left on a still-open page: the money goes back in full
        assertThat(decide("awaiting_payment", false, "PAID")).isEqualTo(LATE_PAYMENT_REFUND);
    }
}
