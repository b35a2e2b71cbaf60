package io.laku.groupbuying.tally;

import static org.assertj.core.api.Assertions.assertThat;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TallyFoldTest {

    private final UUID session = UUID.randomUUID();
    private final UUID m = UUID.randomUUID();
    private final UUID l = UUID.randomUUID();

    @Test
    void joinsAwaitPaymentsMoveExpiriesAndLeavesRelease() {
        TallyFold fold = new TallyFold();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), d = UUID.randomUUID();
        fold.apply(joined(a, m, 5));
        fold.apply(joined(b, m, 3));
        fold.apply(joined(c, l, 4));
        fold.apply(joined(d, l, 2));
        fold.apply(paid(a));
        fold.apply(expired(b));
        fold.apply(paid(c));
        fold.apply(left(c, l, 4, true));
        assertThat(fold.tally(session)).containsExactlyInAnyOrderEntriesOf(Map.of(
                m, new Tally.Units(0, 5),
                l, new Tally.Units(2, 0)));
    }

    @Test
    void duplicatesAndLateEventsChangeNothing() {
        TallyFold fold = new TallyFold();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        fold.apply(joined(a, m, 5));
        fold.apply(joined(a, m, 5));
        fold.apply(paid(a));
        fold.apply(paid(a));
        fold.apply(expired(a));
        fold.apply(joined(b, m, 2));
        fold.apply(expired(b));
        fold.apply(paid(b));
        assertThat(fold.tally(session)).containsExactlyEntriesOf(Map.of(m, new Tally.Units(0, 5)));
    }

    @Test
    void aFailedSessionDropsItsUnpaidSeatsAndRefundsItsPaidOnes() {
        TallyFold fold = new TallyFold();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        fold.apply(joined(a, m, 5));
        fold.apply(joined(b, m, 2));
        fold.apply(paid(a));
        fold.apply(SessionFailed.newBuilder().setSessionId(session.toString()).setProductId("p").setFactoryId("f")
                .setReason("BELOW_25_PERCENT_WITHOUT_BOT").setPaidUnits(5).setSeats(2)
                .setFailedAt(Instant.EPOCH).build());
        fold.apply(paid(b));
        assertThat(fold.tally(session)).containsExactlyEntriesOf(Map.of(m, new Tally.Units(0, 0)));
        assertThat(fold.tally(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aConfirmedSessionKeepsItsPaidSeatsAndDropsItsUnpaidOnes() {
        TallyFold fold = new TallyFold();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID();
        fold.apply(joined(a, m, 5));
        fold.apply(joined(b, m, 2));
        fold.apply(paid(a));
        fold.apply(SessionConfirmed.newBuilder().setSessionId(session.toString()).setProductId("p").setFactoryId("f")
                .setTargetMoq(10).setTier(50).setGroupPrice(200_000).setFinalUnitPrice(135_000).setPaidUnits(5)
                .setBotUnits(0).setDemand(java.util.List.of()).setSeats(2).setConfirmedAt(Instant.EPOCH).build());
        fold.apply(paid(b)); // paid at the deadline, after the end: payment refunds it; the tally does not count it
        assertThat(fold.tally(session)).containsExactlyEntriesOf(Map.of(m, new Tally.Units(0, 5)));
    }

    private ParticipantJoined joined(UUID participant, UUID variant, long quantity) {
        return ParticipantJoined.newBuilder().setSessionId(session.toString()).setParticipantId(participant.toString())
                .setUserId(UUID.randomUUID().toString()).setProductId("p").setFactoryId("f")
                .setVariantId(variant.toString()).setQuantity(quantity).setUnitPrice(200_000)
                .setAmountDue(quantity * 200_000).setJoinedAt(Instant.EPOCH).build();
    }

    private ParticipantLeft left(UUID participant, UUID variant, long quantity, boolean paid) {
        return ParticipantLeft.newBuilder().setSessionId(session.toString()).setParticipantId(participant.toString())
                .setUserId("u").setVariantId(variant.toString()).setQuantity(quantity).setPaid(paid)
                .setLeftAt(Instant.EPOCH).build();
    }

    private PaymentPaid paid(UUID participant) {
        return PaymentPaid.newBuilder().setSessionId(session.toString()).setParticipantId(participant.toString())
                .setPaymentId("pay").setUserId("u").setAmount(1).setPaidAt(Instant.EPOCH).build();
    }

    private PaymentExpired expired(UUID participant) {
        return PaymentExpired.newBuilder().setSessionId(session.toString()).setParticipantId(participant.toString())
                .setPaymentId("pay").setUserId("u").setExpiredAt(Instant.EPOCH).build();
    }
}
