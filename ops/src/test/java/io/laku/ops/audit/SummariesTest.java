package io.laku.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.contracts.fulfilment.PurchaseOrderCreated;
import io.laku.contracts.fulfilment.PurchaseOrderLine;
import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.order.OrdersCreated;
import io.laku.contracts.payment.EscrowReleased;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.payment.RefundReason;
import io.laku.contracts.session.SeatOutcome;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionEnd;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.wallet.WalletCredited;
import java.time.Instant;
import java.util.List;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.junit.jupiter.api.Test;

/** One line per event, in the SPEC's words and figures (seed test 2: MOQ 100, 45 paid units, tier 25). */
class SummariesTest {

    static final Instant AT = Instant.parse("2026-05-01T08:00:00Z");

    @Test
    void aConfirmedSessionSaysItsTierPriceAndSeats() {
        SessionConfirmed confirmed = SessionConfirmed.newBuilder().setSessionId("s").setProductId("p").setFactoryId("f")
                .setTargetMoq(100).setTier(25).setGroupPrice(200_000).setFinalUnitPrice(150_000).setPaidUnits(45)
                .setBotUnits(0).setDemand(List.of()).setConfirmedAt(AT).setSeats(3).build();
        assertThat(Summaries.of(confirmed)).isEqualTo("confirmed at tier 25: final Rp 150.000/unit (group Rp 200.000), "
                + "45 paid + 0 bot units of MOQ 100, 3 seats to settle");
    }

    @Test
    void aSettledSeatSaysWhatComesBack() {
        SeatSettled seat = SeatSettled.newBuilder().setSessionId("s").setParticipantId("p").setUserId("C").setProductId("pr")
                .setFactoryId("f").setVariantId("v").setVariantName("M").setQuantity(20).setPaidUnitPrice(200_000)
                .setFinalUnitPrice(150_000).setRefundDue(1_000_000).setOutcome(SeatOutcome.CONFIRMED)
                .setSessionOutcome(SessionEnd.CONFIRMED).setTier(25).setSeat(3).setSeats(3).setSettledAt(AT).build();
        assertThat(Summaries.of(seat)).isEqualTo("seat 3/3 of user C confirmed: 20 x M paid Rp 200.000, final Rp 150.000, "
                + "Rp 1.000.000 back");
    }

    @Test
    void moneyIsInRupiah() {
        RefundIssued refund = RefundIssued.newBuilder().setSessionId("s").setRefundId("r1").setPaymentId("pay")
                .setParticipantId(null).setUserId("C").setAmount(1_000_000).setReason(RefundReason.TIER).setIssuedAt(AT).build();
        assertThat(Summaries.of(refund)).isEqualTo("refund r1: Rp 1.000.000 to user C's wallet (TIER)");

        EscrowReleased released = EscrowReleased.newBuilder().setSessionId("s").setFactoryId("F").setAmount(6_750_000)
                .setPaidIn(9_000_000).setRefunded(2_250_000).setReleasedAt(AT).build();
        assertThat(Summaries.of(released)).isEqualTo("Rp 6.750.000 released to factory F (paid in Rp 9.000.000, refunded Rp 2.250.000)");

        WalletCredited credited = WalletCredited.newBuilder().setUserId("A").setTransactionId("t").setAmount(500_000)
                .setBalanceAfter(500_000).setReference("r1").setReason("refund:TIER").setSessionId("s").setOccurredAt(AT).build();
        assertThat(Summaries.of(credited)).isEqualTo("wallet of user A +Rp 500.000 (refund:TIER, ref r1), balance Rp 500.000");
    }

    @Test
    void ordersAndPurchaseOrdersAddUp() {
        OrderPlaced order = OrderPlaced.newBuilder().setOrderId("o1").setOrderNumber("LK-1").setSessionId("s")
                .setFactoryId("f").setParticipantId("p").setUserId("A").setProductId("pr").setProductName("Premium Hoodie")
                .setVariantId("v").setVariantName("M").setQuantity(10).setPaidUnitPrice(200_000).setFinalUnitPrice(150_000)
                .setTotal(1_500_000).setPlacedAt(AT).build();
        assertThat(Summaries.of(order)).isEqualTo("order LK-1 for user A: 10 x M of 'Premium Hoodie' at Rp 150.000, Rp 1.500.000");
        OrdersCreated orders = OrdersCreated.newBuilder().setSessionId("s").setCreatedAt(AT).setOrderCount(2).build();
        assertThat(Summaries.of(orders)).isEqualTo("all 2 orders of the session exist");

        PurchaseOrderCreated po = PurchaseOrderCreated.newBuilder().setSessionId("s").setPurchaseOrderId("po")
                .setPoNumber("PO-7").setFactoryId("F").setProductId("p").setProductName("Premium Hoodie").setBundles(10)
                .setLines(List.of(PurchaseOrderLine.newBuilder().setVariantId("v").setVariantName("M").setUnitsPerBundle(5)
                        .setMissingUnits(50).setOrderedUnits(50).build())).setCreatedAt(AT).build();
        assertThat(Summaries.of(po)).isEqualTo("purchase order PO-7: 10 bundles of 'Premium Hoodie' from factory F "
                + "(M 50 ordered for 50 missing)");
    }

    @Test
    void anEventTypeThisBuildDoesNotKnowShowsItsFieldsWithMoneyInRupiah() {
        Schema schema = SchemaBuilder.record("VoucherRedeemed").namespace("io.laku.contracts.voucher").fields()
                .requiredString("voucherId").requiredLong("amount").requiredLong("units")
                .name("codes").type().array().items().stringType().noDefault().endRecord();
        GenericData.Record record = new GenericData.Record(schema);
        record.put("voucherId", "v1");
        record.put("amount", 25_000L);
        record.put("units", 3L);
        record.put("codes", List.of("A", "B"));
        assertThat(Summaries.of(record)).isEqualTo("voucherId=v1, amount=Rp 25.000, units=3, codes=[2]");
    }
}
