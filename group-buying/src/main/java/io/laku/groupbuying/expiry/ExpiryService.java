package io.laku.groupbuying.expiry;

import io.laku.contracts.session.ConfirmedParticipant;
import io.laku.contracts.session.FailedRefund;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import io.laku.contracts.session.VariantDemand;
import io.laku.groupbuying.join.Participant;
import io.laku.groupbuying.join.SessionLocks;
import io.laku.groupbuying.session.Session;
import io.laku.groupbuying.session.SessionStatus;
import io.laku.groupbuying.session.SessionVariant;
import io.laku.groupbuying.tally.Tally;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.money.Rupiah;
import io.laku.groupbuying.saga.SessionTimeline;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Ends due sessions (SPEC §4). A run claims due forming sessions with {@code for update skip locked}, so two
 * instances (or two runs) never take the same session, and in the same transaction drops unpaid seats, decides the
 * outcome from the paid real seats, records it and publishes {@code SessionConfirmed} or {@code SessionFailed}. The
 * status leaves {@code forming}, so a second run finds nothing.
 */
@ApplicationScoped
public class ExpiryService {

    private static final Logger LOG = Logger.getLogger(ExpiryService.class);

    /** What a run did to one session. */
    public record Expired(UUID sessionId, String outcome, Integer tier, Long finalUnitPrice, long paidUnits,
            long botUnits, String reason) {
    }

    private static final String CLAIM = """
            select id from group_buying_session
            where status = 'forming' and end_time <= ?1
            order by end_time
            limit ?2
            for update skip locked""";

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "laku.expiry.batch", defaultValue = "50")
    int batch;

    public int batch() {
        return batch;
    }

    Clock clock = Clock.systemUTC();

    /** Ends up to one batch of due sessions in one transaction; sessions locked by another run are skipped. */
    @WithTransaction
    public Uni<List<Expired>> processDue() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return Panache.getSession()
                .chain(s -> s.createNativeQuery(CLAIM, UUID.class).setParameter(1, now).setParameter(2, batch)
                        .getResultList())
                .chain(ids -> Multi.createFrom().iterable(ids)
                        .onItem().transformToUniAndConcatenate(id -> Session.<Session>findById(id)
                                .chain(session -> close(session, now)))
                        .collect().asList());
    }

    /** Sets the session's end to now and ends it (for tests and ops). 409 unless it is forming. */
    @WithTransaction
    public Uni<Expired> manualExpire(UUID sessionId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return SessionLocks.lock(sessionId).chain(session -> {
            if (session.status != SessionStatus.FORMING) {
                throw ProblemException.conflict("session-not-forming", "session " + sessionId + " is already "
                        + session.status.code(), "status", Map.of("status", session.status.code()));
            }
            session.endTime = now;
            return close(session, now);
        });
    }

    private Uni<Expired> close(Session session, Instant now) {
        UUID id = session.id;
        return Participant.update("status = ?1, updatedAt = ?2 where sessionId = ?3 and status = ?4",
                        Participant.DROPPED, now, id, Participant.AWAITING_PAYMENT)
                .chain(() -> Tally.dropAwaiting(id))
                .chain(() -> Participant.<Participant>find("sessionId = ?1 and status = ?2 order by joinedAt, id", id,
                        Participant.PAID).list())
                .chain(paid -> SessionVariant.ofSession(id).chain(variants -> {
                    List<PaidParticipant> seats = paid.stream().map(p -> new PaidParticipant(p.id, p.userId,
                            p.variantId, p.quantity, p.unitPrice)).toList();
                    SessionOutcome outcome = SessionOutcome.decide(session.targetMoq, session.priceTiers(),
                            session.botAllowed, seats);
                    session.closedAt = now;
                    return switch (outcome) {
                        case SessionOutcome.Confirmed c -> confirm(session, c, variants, now);
                        case SessionOutcome.Failed f -> fail(session, f, seats.stream().mapToLong(PaidParticipant::quantity).sum(), now);
                    };
                }));
    }

    private Uni<Expired> confirm(Session session, SessionOutcome.Confirmed c, List<SessionVariant> variants,
            Instant now) {
        session.status = SessionStatus.CONFIRMED;
        session.tier = c.tier().percent();
        session.finalUnitPrice = c.finalUnitPrice();
        session.botUnits = c.botUnits();
        session.closeReason = c.botUnits() > 0 ? "bot_to_tier_25" : "tier_" + c.tier().percent();
        List<VariantDemand> demand = new ArrayList<>();
        for (SessionVariant v : variants) {
            Long units = c.demandPerVariant().get(v.variantId);
            if (units != null && units > 0) {
                demand.add(VariantDemand.newBuilder().setVariantId(v.variantId.toString()).setVariantName(v.name)
                        .setUnits(units).setUnitsPerBundle(v.unitsPerBundle).build());
            }
        }
        SessionConfirmed event = SessionConfirmed.newBuilder()
                .setSessionId(session.id.toString())
                .setProductId(session.productId.toString())
                .setFactoryId(session.factoryId.toString())
                .setTargetMoq(session.targetMoq)
                .setTier(c.tier().percent())
                .setGroupPrice(session.groupPrice)
                .setFinalUnitPrice(c.finalUnitPrice())
                .setPaidUnits(c.paidUnits())
                .setBotUnits(c.botUnits())
                .setParticipants(c.settlements().stream().map(s -> ConfirmedParticipant.newBuilder()
                        .setParticipantId(s.participantId().toString())
                        .setUserId(s.userId().toString())
                        .setVariantId(s.variantId().toString())
                        .setQuantity(s.quantity())
                        .setPaidUnitPrice(s.paidUnitPrice())
                        .setFinalUnitPrice(s.finalUnitPrice())
                        .setRefundDue(s.refund())
                        .build()).toList())
                .setDemand(demand)
                .setConfirmedAt(now)
                .build();
        LOG.infof("Session %s confirmed at tier %d (%d paid units, bot %d)", session.id, c.tier().percent(),
                c.paidUnits(), c.botUnits());
        session.refundsExpected = (int) c.settlements().stream().filter(s -> s.refund() > 0).count();
        String outcome = "tier " + c.tier().percent() + " %: " + Rupiah.format(c.finalUnitPrice()) + " per unit; "
                + c.paidUnits() + " paid units" + (c.botUnits() > 0 ? " + " + c.botUnits() + " bot units" : "")
                + "; " + session.refundsExpected + " tier refunds due";
        return outbox.publish(session.id, event)
                .chain(() -> SessionTimeline.record(session.id, "confirmed", outcome, null, now))
                .replaceWith(new Expired(session.id, "confirmed", session.tier,
                session.finalUnitPrice, c.paidUnits(), c.botUnits(), session.closeReason));
    }

    private Uni<Expired> fail(Session session, SessionOutcome.Failed f, long paidUnits, Instant now) {
        session.status = SessionStatus.FAILED;
        session.closeReason = f.reason().name().toLowerCase();
        SessionFailed event = SessionFailed.newBuilder()
                .setSessionId(session.id.toString())
                .setProductId(session.productId.toString())
                .setFactoryId(session.factoryId.toString())
                .setReason(f.reason().name())
                .setPaidUnits(paidUnits)
                .setRefunds(f.refunds().stream().map(r -> FailedRefund.newBuilder()
                        .setParticipantId(r.participantId().toString())
                        .setUserId(r.userId().toString())
                        .setAmount(r.amount())
                        .build()).toList())
                .setFailedAt(now)
                .build();
        LOG.infof("Session %s failed: %s", session.id, f.reason());
        session.refundsExpected = f.refunds().size();
        String outcome = "failed (" + session.closeReason + "): " + paidUnits + " paid units; "
                + f.refunds().size() + " full refunds due";
        return outbox.publish(session.id, event)
                .chain(() -> SessionTimeline.record(session.id, "failed", outcome, null, now))
                .replaceWith(new Expired(session.id, "failed", null, null, paidUnits,
                0, session.closeReason));
    }
}
