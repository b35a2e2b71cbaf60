package io.laku.ops.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.payment.RefundReason;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class LinksTest {

    @Test
    void aRefundPointsToTheWalletCreditKeyedByItsUser() {
        RefundIssued refund = RefundIssued.newBuilder().setSessionId("s").setRefundId("r1").setPaymentId("pay")
                .setUserId("user-1").setAmount(500_000).setReason(RefundReason.TIER).setIssuedAt(Instant.EPOCH).build();
        assertThat(Links.of(refund)).containsExactly(new Links.Link("user-1", "r1", "refund r1"));
    }

    @Test
    void otherEventsPointNowhere() {
        PaymentPaid paid = PaymentPaid.newBuilder().setSessionId("s").setParticipantId("p").setPaymentId("pay")
                .setUserId("u").setAmount(1).setPaidAt(Instant.EPOCH).build();
        assertThat(Links.of(paid)).isEmpty();
    }
}
