package io.laku.notifications.inapp;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.notifications.inapp.Wording.OrderLine;
import io.laku.notifications.inapp.Wording.VariantUnits;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class WordingTest {

    private static final List<VariantUnits> HOODIE = List.of(new VariantUnits("S", 6), new VariantUnits("M", 15),
            new VariantUnits("L", 12), new VariantUnits("XL", 3));

    @Test
    void rupiahUseIndonesianGrouping() {
        assertThat(Wording.rupiah(0)).isEqualTo("Rp 0");
        assertThat(Wording.rupiah(999)).isEqualTo("Rp 999");
        assertThat(Wording.rupiah(150_000)).isEqualTo("Rp 150.000");
        assertThat(Wording.rupiah(1_000_000_000L)).isEqualTo("Rp 1.000.000.000");
    }

    @Test
    void timesAreInJakartaTime() {
        assertThat(Wording.time(Instant.parse("2026-11-25T17:30:00Z"))).isEqualTo("26 Nov 2026, 00:30 WIB");
    }

    @Test
    void sessionOpened() {
        assertThat(Wording.sessionOpened("HOODIE-NOV", Instant.parse("2026-11-30T10:00:00Z"), 100, 200_000))
                .isEqualTo(new Notice("session_opened", "Your group-buying session is open",
                        "Session HOODIE-NOV is open until 30 Nov 2026, 17:00 WIB: MOQ 100 units at Rp 200.000 per unit."));
    }

    @Test
    void paymentLinkSaysAmountDeadlineAndUrl() {
        assertThat(Wording.paymentLink(2_000_000, "http://127.0.0.1:3020/pay/abc", Instant.parse("2026-11-25T06:05:00Z")))
                .isEqualTo(new Notice("joined_payment_link", "Pay to keep your seat",
                        "You joined a group buy. Pay Rp 2.000.000 before 25 Nov 2026, 13:05 WIB to keep your seat: "
                                + "http://127.0.0.1:3020/pay/abc"));
    }

    @Test
    void paymentReceived() {
        assertThat(Wording.paymentReceived(3_000_000)).isEqualTo(new Notice("payment_received", "Payment received",
                "We received your payment of Rp 3.000.000. It is held safely in escrow until the session ends."));
    }

    /** SPEC §4's example: C paid 20 units at 200,000; tier 25 at 150,000 refunds 1,000,000. */
    @Test
    void sessionConfirmedTellsTheParticipantTheirRefund() {
        assertThat(Wording.sessionConfirmed(25, 200_000, 150_000, 20, 1_000_000)).isEqualTo(new Notice(
                "session_confirmed", "Your group buy is confirmed",
                "The session closed at tier 25%: the final price is Rp 150.000 per unit for your 20 units "
                        + "(you paid Rp 200.000 per unit). Rp 1.000.000 will be refunded to your Laku wallet."));
        assertThat(Wording.sessionConfirmed(100, 150_000, 150_000, 1, 0).message()).isEqualTo(
                "The session closed at tier 100%: the final price is Rp 150.000 per unit for your 1 unit "
                        + "(you paid Rp 150.000 per unit). No refund is due.");
    }

    @Test
    void sessionConfirmedTellsTheFactoryTierUnitsAndDemand() {
        assertThat(Wording.sessionConfirmedForFactory(25, 150_000, 45, 0,
                List.of(new VariantUnits("S", 10), new VariantUnits("M", 35)))).isEqualTo(new Notice(
                "session_confirmed_factory", "Your session is confirmed",
                "The session closed at tier 25% with 45 paid units at Rp 150.000 per unit. Demand: S 10, M 35."));
        assertThat(Wording.sessionConfirmedForFactory(25, 150_000, 10, 15, List.of(new VariantUnits("M", 10))).message())
                .isEqualTo("The session closed at tier 25% with 10 paid units at Rp 150.000 per unit. Demand: M 10."
                        + " The platform added 15 units to reach tier 25%; they are not ordered.");
    }

    @Test
    void onlyRefundsAreRefundNotices() {
        assertThat(Wording.isRefund("refund:TIER")).isTrue();
        assertThat(Wording.isRefund("refund:SESSION_FAILED")).isTrue();
        assertThat(Wording.isRefund("admin_debit")).isFalse();
        assertThat(Wording.isRefund("top_up")).isFalse();
        assertThat(Wording.isRefund(null)).isFalse();
    }

    @Test
    void aPayeeIsToldOfItsPayout() {
        assertThat(Wording.payoutCompleted(1_425_000)).isEqualTo(new Notice("payout_completed", "Payout sent",
                "Rp 1.425.000 was paid out to your bank account."));
        assertThat(Wording.payoutFailed(1_425_000, "INVALID_DESTINATION").message()).isEqualTo("Your payout of "
                + "Rp 1.425.000 could not be made (INVALID_DESTINATION). Your balance is unchanged and the next payout "
                + "run tries again; check your bank account details.");
    }

    @Test
    void refundCreditedSaysWhyAndTheBalance() {
        assertThat(Wording.refundCredited(500_000, 750_000, "refund:TIER")).isEqualTo(new Notice("refund_credited",
                "Refund credited to your wallet", "Rp 500.000 was credited to your Laku wallet (the difference between "
                        + "the group price and the final price). Your balance is now Rp 750.000."));
        assertThat(Wording.refundCredited(600_000, 600_000, "refund:SESSION_FAILED").message()).isEqualTo(
                "Rp 600.000 was credited to your Laku wallet (the session did not reach its minimum). "
                        + "Your balance is now Rp 600.000.");
        assertThat(Wording.refundCredited(1, 1, "refund:SOMETHING_NEW").message())
                .isEqualTo("Rp 1 was credited to your Laku wallet (a refund). Your balance is now Rp 1.");
    }

    @Test
    void moneyThatCouldNotPayASeatSaysWhyItCameBack() {
        assertThat(Wording.refundCredited(400_000, 400_000, "refund:LATE_PAYMENT").message()).isEqualTo(
                "Rp 400.000 was credited to your Laku wallet (your payment arrived after your seat had closed, so it "
                        + "could not count). Your balance is now Rp 400.000.");
        assertThat(Wording.refundCredited(150_000, 550_000, "refund:AMOUNT_MISMATCH").message()).isEqualTo(
                "Rp 150.000 was credited to your Laku wallet (the amount you paid was not the amount of your invoice, "
                        + "so it could not pay your seat). Your balance is now Rp 550.000.");
        assertThat(Wording.refundCredited(400_000, 400_000, "refund:PARTICIPANT_LEFT").message()).isEqualTo(
                "Rp 400.000 was credited to your Laku wallet (you left the session). Your balance is now Rp 400.000.");
    }

    @Test
    void anInvoiceThatCouldNotBeMadeReleasesTheSeat() {
        assertThat(Wording.invoiceFailed()).isEqualTo(new Notice("invoice_failed", "We could not open your payment",
                "We could not create the payment link for your seat, so the seat was released and nothing was charged. "
                        + "You can join the session again while it is open."));
    }

    @Test
    void sessionFailed() {
        assertThat(Wording.sessionFailed()).isEqualTo(new Notice("session_failed", "Your group buy did not go ahead",
                "The session ended below its minimum order, so it will not go ahead. Any payment of yours for it is "
                        + "refunded in full to your Laku wallet."));
        assertThat(Wording.sessionFailedForFactory(8, 2, 1_600_000)).isEqualTo(new Notice("session_failed_factory",
                "Your session did not reach its minimum", "The session ended with 8 paid units, below its minimum, so "
                        + "nothing is produced. 2 paid seats (Rp 1.600.000) are refunded in full."));
        assertThat(Wording.sessionFailedForFactory(0, 0, 0).message()).isEqualTo("The session ended with 0 paid units, "
                + "below its minimum, so nothing is produced. No seat was paid, so nothing is refunded.");
    }

    @Test
    void aSeatStillUnpaidWhenTheSessionEndedHearsWhyItIsOut() {
        assertThat(Wording.seatDropped(2)).isEqualTo(new Notice("seat_dropped", "Your seat was released",
                "The session ended before your seat of 2 units was paid, so it is not part of the group buy. If a payment "
                        + "for it still reaches us, it is refunded in full to your Laku wallet."));
    }

    @Test
    void sessionCancelled() {
        assertThat(Wording.sessionCancelled("factory out of fabric")).isEqualTo(new Notice(
                "session_cancelled", "Your group buy was cancelled", "Laku cancelled the session (factory out of fabric). "
                        + "Any payment of yours for it is refunded in full to your Laku wallet."));
        assertThat(Wording.sessionCancelled(null).message()).isEqualTo(
                "Laku cancelled the session. Any payment of yours for it is refunded in full to your Laku wallet.");
        assertThat(Wording.sessionCancelledForFactory(1, 200_000, " ")).isEqualTo(new Notice("session_cancelled_factory",
                "Your session was cancelled",
                "Laku cancelled the session, so nothing is produced. 1 paid seat (Rp 200.000) is refunded in full."));
    }

    @Test
    void purchaseOrderNamesTheProductBundlesAndUnitsPerVariant() {
        assertThat(Wording.purchaseOrder("PO-2026-0042", "Premium Hoodie", 3, HOODIE)).isEqualTo(new Notice(
                "purchase_order", "New purchase order PO-2026-0042", "Purchase order PO-2026-0042 for Premium Hoodie: "
                        + "3 bundles. Ordered units: S 6, M 15, L 12, XL 3. Please confirm and start production."));
        assertThat(Wording.purchaseOrder("PO-1", "", 1, List.of(new VariantUnits("M", 5))).message())
                .isEqualTo("Purchase order PO-1 for your product: 1 bundle. Ordered units: M 5. "
                        + "Please confirm and start production.");
    }

    @Test
    void purchaseOrderWhatsAppMessage() {
        assertThat(Wording.purchaseOrderWhatsApp("PO-2026-0042", "Premium Hoodie", 3, HOODIE)).isEqualTo("""
                Laku purchase order PO-2026-0042
                Product: Premium Hoodie
                Bundles: 3
                Ordered units:
                - S: 6
                - M: 15
                - L: 12
                - XL: 3
                Please confirm and start production.""");
    }

    @Test
    void purchaseOrderReceivedSaysWhatIsStillOwed() {
        assertThat(Wording.purchaseOrderReceived("PO-2026-0042", 36, 0)).isEqualTo(new Notice("purchase_order_received",
                "Purchase order PO-2026-0042 received",
                "The warehouse counted 36 units of purchase order PO-2026-0042 and booked them into stock. The order is "
                        + "complete. Thank you."));
        assertThat(Wording.purchaseOrderReceived("PO-2026-0042", 30, 6).message()).isEqualTo(
                "The warehouse counted 30 units of purchase order PO-2026-0042 and booked them into stock. 6 units of "
                        + "the order are still to be delivered.");
    }

    @Test
    void ordersCreatedListsEachOrderWithItsTotal() {
        assertThat(Wording.ordersCreated(List.of(new OrderLine("ORD-1001", 10, 150_000)))).isEqualTo(new Notice(
                "order_created", "Your order is created",
                "Order ORD-1001: 10 units at the final price of Rp 150.000 per unit (Rp 1.500.000)."));
        assertThat(Wording.ordersCreated(List.of(new OrderLine("ORD-1", 1, 150_000), new OrderLine("ORD-2", 2, 150_000))))
                .isEqualTo(new Notice("order_created", "Your orders are created",
                        "Order ORD-1: 1 unit at the final price of Rp 150.000 per unit (Rp 150.000). "
                                + "Order ORD-2: 2 units at the final price of Rp 150.000 per unit (Rp 300.000)."));
    }

    @Test
    void productionCompleteAndEscrowReleased() {
        assertThat(Wording.productionComplete(false)).isEqualTo(new Notice("production_complete", "Your group buy is ready",
                "The factory has finished producing your group buy. Your goods will be shipped soon."));
        assertThat(Wording.productionComplete(true).message())
                .isEqualTo("Your goods are in the warehouse and will be shipped soon.");
        assertThat(Wording.escrowReleased(6_750_000)).isEqualTo(new Notice("escrow_released", "Payment released",
                "Rp 6.750.000 from the session's escrow was released to your payable balance."));
    }
}
