package io.laku.groupbuying.seat;

import static io.laku.groupbuying.seat.SeatEvent.LEFT;
import static io.laku.groupbuying.seat.SeatEvent.PAYMENT_EXPIRED;
import static io.laku.groupbuying.seat.SeatEvent.PAYMENT_PAID;
import static io.laku.groupbuying.seat.SeatEvent.SESSION_CALLED_OFF;
import static io.laku.groupbuying.seat.SeatEvent.SESSION_CONFIRMED;
import static io.laku.groupbuying.seat.SeatStatus.AWAITING_PAYMENT;
import static io.laku.groupbuying.seat.SeatStatus.DROPPED;
import static io.laku.groupbuying.seat.SeatStatus.EXPIRED;
import static io.laku.groupbuying.seat.SeatStatus.PAID;
import static io.laku.groupbuying.seat.SeatStatus.REFUNDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** SPEC §3 and §4: which seats hold units, and what each event does to a seat. */
class SeatStatusTest {

    @Test
    void aSeatAwaitingPaymentIsPaidExpiresLeavesOrIsDroppedWhenTheSessionEnds() {
        assertThat(AWAITING_PAYMENT.after(PAYMENT_PAID)).contains(PAID);
        assertThat(AWAITING_PAYMENT.after(PAYMENT_EXPIRED)).contains(EXPIRED);
        assertThat(AWAITING_PAYMENT.after(LEFT)).contains(SeatStatus.LEFT);
        assertThat(AWAITING_PAYMENT.after(SESSION_CONFIRMED)).contains(DROPPED);
        assertThat(AWAITING_PAYMENT.after(SESSION_CALLED_OFF)).contains(DROPPED);
    }

    @Test
    void aPaidSeatMayLeaveStaysPaidIntoAConfirmedOutcomeAndIsRefundedWhenTheSessionIsCalledOff() {
        assertThat(PAID.after(LEFT)).contains(SeatStatus.LEFT);
        assertThat(PAID.after(SESSION_CONFIRMED)).isEmpty();
        assertThat(PAID.after(SESSION_CALLED_OFF)).contains(REFUNDED);
        assertThat(PAID.after(PAYMENT_PAID)).isEmpty();
        assertThat(PAID.after(PAYMENT_EXPIRED)).as("EXPIRED after PAID changes nothing").isEmpty();
    }

    @Test
    void aReleasedSeatNeverComesBack() {
        // a payment that still reaches one of these is money of a seat outside the outcome: payment refunds it in full
        for (SeatStatus released : new SeatStatus[] {EXPIRED, SeatStatus.LEFT, DROPPED, REFUNDED}) {
            for (SeatEvent event : SeatEvent.values()) {
                assertThat(released.after(event)).as(released + " after " + event).isEqualTo(Optional.empty());
            }
        }
    }

    @Test
    void onlyLiveSeatsHoldUnitsInTheTally() {
        assertThat(AWAITING_PAYMENT.awaitingUnits(5)).isEqualTo(5);
        assertThat(AWAITING_PAYMENT.paidUnits(5)).isZero();
        assertThat(PAID.paidUnits(5)).isEqualTo(5);
        assertThat(PAID.awaitingUnits(5)).isZero();
        for (SeatStatus released : new SeatStatus[] {EXPIRED, SeatStatus.LEFT, DROPPED, REFUNDED}) {
            assertThat(released.live()).isFalse();
            assertThat(released.awaitingUnits(5) + released.paidUnits(5)).isZero();
        }
    }

    @Test
    void statusesReadAsTheirApiCodes() {
        assertThat(SeatStatus.ofCode("awaiting_payment")).isEqualTo(AWAITING_PAYMENT);
        assertThat(DROPPED.code()).isEqualTo("dropped");
        assertThat(SeatStatus.ofCode("refunded")).isEqualTo(REFUNDED);
    }
}
