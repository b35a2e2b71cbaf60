package io.laku.groupbuying.expiry;

import io.laku.contracts.session.SeatOutcome;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionEnd;
import io.laku.contracts.session.SessionFailed;
import io.laku.contracts.session.BundleVariant;
import io.laku.contracts.session.VariantDemand;
import io.laku.groupbuying.join.Participant;
import io.laku.groupbuying.saga.SessionTimeline;
import io.laku.groupbuying.seat.SeatEvent;
import io.laku.groupbuying.seat.SeatStatus;
import io.laku.groupbuying.session.Session;
import io.laku.groupbuying.session.SessionStatus;
import io.laku.groupbuying.session.SessionVariant;
import io.laku.groupbuying.tally.Tally;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.money.Rupiah;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.apache.avro.specific.SpecificRecord;
import org.jboss.logging.Logger;

/**
 * The end of a session, the same step whether it expired or an admin cancelled it (SPEC §4): every seat still awaiting
 * payment is dropped, the outcome is decided from the paid seats, and the session's event is published followed by
 * one {@code SeatSettled} per seat that was live at the end. No event carries the whole session, so no consumer does
 * a session's work in one event: each seat's refund, order and notice is its own small, idempotent step. Runs in the
 * caller's transaction with the session row locked.
 */
@ApplicationScoped
public class SessionClosing {

    private static final Logger LOG = Logger.getLogger(SessionClosing.class);

    /** How the session ends. */
    public sealed interface Ending {
        /** Its end time came (the scheduler, process-expired or manual-expire). */
        record Expired() implements Ending {
        }

        /** An admin cancelled it while forming. */
        record Cancelled(UUID admin, String reason) implements Ending {
        }
    }

    @Inject
    OutboxWriter outbox;

    public Uni<ExpiryService.Expired> close(Session session, Ending ending, Instant now) {
        UUID id = session.id;
        SeatStatus dropped = SeatStatus.AWAITING_PAYMENT.after(SeatEvent.SESSION_CONFIRMED).orElseThrow();
        return Participant.<Participant>find("sessionId = ?1 and status in ?2 order by joinedAt, id", id,
                        List.of(SeatStatus.AWAITING_PAYMENT, SeatStatus.PAID)).list()
                .call(() -> Participant.update("status = ?1, updatedAt = ?2 where sessionId = ?3 and status = ?4",
                        dropped, now, id, SeatStatus.AWAITING_PAYMENT))
                .call(() -> Tally.dropAwaiting(id))
                .chain(live -> SessionVariant.ofSession(id).chain(variants -> {
                    List<Participant> paid = live.stream().filter(p -> p.status == SeatStatus.PAID).toList();
                    List<PaidParticipant> seats = paid.stream().map(p -> new PaidParticipant(p.id, p.userId,
                            p.variantId, p.quantity, p.unitPrice)).toList();
                    session.closedAt = now;
                    Map<UUID, String> names = new HashMap<>();
                    variants.forEach(v -> names.put(v.variantId, v.name));
                    return switch (ending) {
                        case Ending.Expired expired -> switch (SessionOutcome.decide(session.targetMoq,
                                session.priceTiers(), session.botAllowed, seats)) {
                            case SessionOutcome.Confirmed c -> confirm(session, c, live, variants, names, now);
                            case SessionOutcome.Failed f -> fail(session, f, live, names, now);
                        };
                        case Ending.Cancelled cancelled -> cancel(session, cancelled, live, names, now);
                    };
                }));
    }

    private Uni<ExpiryService.Expired> confirm(Session session, SessionOutcome.Confirmed c, List<Participant> live,
            List<SessionVariant> variants, Map<UUID, String> names, Instant now) {
        session.status = SessionStatus.CONFIRMED;
        session.tier = c.tier().percent();
        session.finalUnitPrice = c.finalUnitPrice();
        session.botUnits = c.botUnits();
        session.closeReason = c.botUnits() > 0 ? "bot_to_tier_25" : "tier_" + c.tier().percent();
        session.refundsExpected = (int) c.settlements().stream().filter(s -> s.refund() > 0).count();
        List<VariantDemand> demand = new ArrayList<>();
        // the bundle the session opened with, not the product's config now
        for (SessionVariant v : variants) {
            Long units = c.demandPerVariant().get(v.variantId);
            if (units != null && units > 0) {
                demand.add(VariantDemand.newBuilder().setVariantId(v.variantId.toString()).setVariantName(v.name)
                        .setUnits(units).setUnitsPerBundle(v.unitsPerBundle).build());
            }
        }
        List<BundleVariant> bundle = variants.stream().filter(v -> v.unitsPerBundle != null)
                .map(v -> BundleVariant.newBuilder().setVariantId(v.variantId.toString()).setVariantName(v.name)
                        .setUnitsPerBundle(v.unitsPerBundle).build())
                .toList();
        Map<UUID, SessionOutcome.Settlement> settled = new HashMap<>();
        c.settlements().forEach(s -> settled.put(s.participantId(), s));
        List<SpecificRecord> events = new ArrayList<>();
        events.add(SessionConfirmed.newBuilder()
                .setSessionId(session.id.toString())
                .setProductId(session.productId.toString())
                .setFactoryId(session.factoryId.toString())
                .setTargetMoq(session.targetMoq)
                .setTier(c.tier().percent())
                .setGroupPrice(session.groupPrice)
                .setFinalUnitPrice(c.finalUnitPrice())
                .setPaidUnits(c.paidUnits())
                .setBotUnits(c.botUnits())
                .setDemand(demand)
                .setConfirmedAt(now)
                .setSeats(live.size())
                .setBundle(bundle)
                .build());
        events.addAll(seats(session, live, names, SessionEnd.CONFIRMED, now, p -> {
            SessionOutcome.Settlement s = settled.get(p.id);
            return new SeatMoney(SeatOutcome.CONFIRMED, s.finalUnitPrice(), s.refund());
        }));
        LOG.infof("Session %s confirmed at tier %d (%d paid units, bot %d, %d seats settled)", session.id,
                c.tier().percent(), c.paidUnits(), c.botUnits(), live.size());
        String outcome = "tier " + c.tier().percent() + " %: " + Rupiah.format(c.finalUnitPrice()) + " per unit; "
                + c.paidUnits() + " paid units" + (c.botUnits() > 0 ? " + " + c.botUnits() + " bot units" : "")
                + "; " + session.refundsExpected + " tier refunds due";
        return publish(session, events, "confirmed", outcome, now)
                .replaceWith(new ExpiryService.Expired(session.id, "confirmed", session.tier, session.finalUnitPrice,
                        c.paidUnits(), c.botUnits(), session.closeReason));
    }

    /**
     * A failed or cancelled session: its paid seats are refunded in full ({@link SeatEvent#SESSION_CALLED_OFF}), so
     * their units leave the tally. The seats loaded before keep their status in memory, which is what their
     * SeatSettled events are made from.
     */
    private static Uni<Void> refundPaidSeats(Session session, Instant now) {
        SeatStatus refunded = SeatStatus.PAID.after(SeatEvent.SESSION_CALLED_OFF).orElseThrow();
        return Participant.update("status = ?1, updatedAt = ?2 where sessionId = ?3 and status = ?4", refunded, now,
                        session.id, SeatStatus.PAID)
                .chain(() -> Tally.dropPaid(session.id));
    }

    private Uni<ExpiryService.Expired> fail(Session session, SessionOutcome.Failed f, List<Participant> live,
            Map<UUID, String> names, Instant now) {
        long paidUnits = paidUnits(live);
        session.status = SessionStatus.FAILED;
        session.closeReason = f.reason().name().toLowerCase();
        session.refundsExpected = f.refunds().size();
        List<SpecificRecord> events = new ArrayList<>();
        events.add(SessionFailed.newBuilder()
                .setSessionId(session.id.toString())
                .setProductId(session.productId.toString())
                .setFactoryId(session.factoryId.toString())
                .setReason(f.reason().name())
                .setPaidUnits(paidUnits)
                .setFailedAt(now)
                .setSeats(live.size())
                .setPaidSeats(f.refunds().size())
                .setRefundTotal(f.refunds().stream().mapToLong(SessionOutcome.Refund::amount).sum())
                .build());
        events.addAll(seats(session, live, names, SessionEnd.FAILED, now, SessionClosing::refundInFull));
        LOG.infof("Session %s failed: %s (%d seats settled)", session.id, f.reason(), live.size());
        String outcome = "failed (" + session.closeReason + "): " + paidUnits + " paid units; "
                + session.refundsExpected + " full refunds due";
        return refundPaidSeats(session, now).chain(() -> publish(session, events, "failed", outcome, now))
                .replaceWith(new ExpiryService.Expired(session.id, "failed", null, null, paidUnits, 0,
                        session.closeReason));
    }

    private Uni<ExpiryService.Expired> cancel(Session session, Ending.Cancelled cancelled, List<Participant> live,
            Map<UUID, String> names, Instant now) {
        long paidUnits = paidUnits(live);
        session.status = SessionStatus.CANCELLED;
        session.closeReason = cancelled.reason() == null ? "cancelled" : cancelled.reason();
        session.refundsExpected = (int) live.stream().filter(p -> p.status == SeatStatus.PAID).count();
        List<SpecificRecord> events = new ArrayList<>();
        events.add(SessionCancelled.newBuilder()
                .setSessionId(session.id.toString())
                .setProductId(session.productId.toString())
                .setFactoryId(session.factoryId.toString())
                .setCancelledBy(cancelled.admin().toString())
                .setReason(cancelled.reason())
                .setCancelledAt(now)
                .setSeats(live.size())
                .setPaidSeats(session.refundsExpected)
                .setRefundTotal(live.stream().filter(p -> p.status == SeatStatus.PAID)
                        .mapToLong(p -> Math.multiplyExact(p.quantity, p.unitPrice)).sum())
                .build());
        events.addAll(seats(session, live, names, SessionEnd.CANCELLED, now, SessionClosing::refundInFull));
        LOG.infof("Session %s cancelled by %s (%d seats settled)", session.id, cancelled.admin(), live.size());
        String outcome = "cancelled by an admin (" + session.closeReason + "); " + session.refundsExpected
                + " full refunds due";
        return refundPaidSeats(session, now).chain(() -> publish(session, events, "cancelled", outcome, now))
                .replaceWith(new ExpiryService.Expired(session.id, "cancelled", null, null, paidUnits, 0,
                        session.closeReason));
    }

    /** What the end means for one paid seat's money; a seat that was still unpaid is dropped whatever the outcome. */
    private record SeatMoney(SeatOutcome outcome, long finalUnitPrice, long refundDue) {
    }

    private static SeatMoney refundInFull(Participant paid) {
        return new SeatMoney(SeatOutcome.REFUNDED, 0, Math.multiplyExact(paid.quantity, paid.unitPrice));
    }

    private static List<SeatSettled> seats(Session session, List<Participant> live, Map<UUID, String> names,
            SessionEnd end, Instant now, Function<Participant, SeatMoney> moneyOfPaidSeat) {
        List<SeatSettled> events = new ArrayList<>(live.size());
        for (int i = 0; i < live.size(); i++) {
            Participant p = live.get(i);
            SeatMoney money = p.status == SeatStatus.PAID ? moneyOfPaidSeat.apply(p)
                    : new SeatMoney(SeatOutcome.DROPPED, 0, 0);
            events.add(SeatSettled.newBuilder()
                    .setSessionId(session.id.toString())
                    .setParticipantId(p.id.toString())
                    .setUserId(p.userId.toString())
                    .setProductId(session.productId.toString())
                    .setFactoryId(session.factoryId.toString())
                    .setVariantId(p.variantId.toString())
                    .setVariantName(names.get(p.variantId))
                    .setQuantity(p.quantity)
                    .setPaidUnitPrice(p.unitPrice)
                    .setFinalUnitPrice(money.finalUnitPrice())
                    .setRefundDue(money.refundDue())
                    .setOutcome(money.outcome())
                    .setSessionOutcome(end)
                    .setTier(end == SessionEnd.CONFIRMED ? session.tier : null)
                    .setSeat(i + 1)
                    .setSeats(live.size())
                    .setSettledAt(now)
                    .build());
        }
        return events;
    }

    private Uni<Void> publish(Session session, List<SpecificRecord> events, String step, String outcome, Instant now) {
        return outbox.publishAll(session.id, events)
                .chain(() -> SessionTimeline.record(session.id, step, outcome, null, now));
    }

    private static long paidUnits(List<Participant> live) {
        return live.stream().filter(p -> p.status == SeatStatus.PAID).mapToLong(p -> p.quantity).sum();
    }
}
