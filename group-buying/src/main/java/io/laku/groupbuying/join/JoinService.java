package io.laku.groupbuying.join;

import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.groupbuying.seat.SeatEvent;
import io.laku.groupbuying.seat.SeatStatus;
import io.laku.groupbuying.grosir.JoinDecision;
import io.laku.groupbuying.session.GrosirRules;
import io.laku.groupbuying.session.Session;
import io.laku.groupbuying.session.SessionStatus;
import io.laku.groupbuying.session.SessionVariant;
import io.laku.groupbuying.tally.Tally;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.platform.web.Caller;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Joining and leaving. A join is one transaction per session: lock the session row, check it is forming, read the
 * session's grosir config, its tally and the customer's unpaid units in one statement, check the cap
 * ({@link UnpaidCap}) and the grosir rule of the config the session opened with, insert the seat, add it to the
 * tally and publish {@code ParticipantJoined}. The lock makes check-and-insert
 * atomic, so concurrent joins never pass a variant's allowance nor a customer's cap.
 */
@ApplicationScoped
public class JoinService {

    /**
     * What a join decides on, read in one round trip under the session lock: per variant of the session (in its
     * order) its grosir config and its tally (0 when no seat holds it yet), and on every row the customer's unpaid
     * units in the session.
     */
    private static final String JOIN_FACTS = """
            select v.variant_id, v.name, v.position, v.units_per_bundle, v.tolerance,
                   coalesce(t.awaiting_units, 0), coalesce(t.paid_units, 0),
                   (select coalesce(sum(p.quantity), 0) from participant p
                    where p.session_id = ?1 and p.user_id = ?2 and p.status = 'awaiting_payment')
            from session_variant v
            left join session_variant_tally t on t.session_id = v.session_id and t.variant_id = v.variant_id
            where v.session_id = ?1
            order by v.position""";

    /** The session's variants as it opened, the tally of its live seats, the customer's unpaid units in it. */
    private record JoinFacts(List<SessionVariant> variants, Map<UUID, Tally.Units> tally, long unpaidUnits) {
    }

    @Inject
    OutboxWriter outbox;

    @ConfigProperty(name = "laku.join.unpaid-cap-percent", defaultValue = "10")
    int unpaidCapPercent;

    Clock clock = Clock.systemUTC();

    @WithTransaction
    public Uni<Participant> join(UUID sessionId, JoinRequest request, UUID userId) {
        if (request == null) {
            throw ProblemException.invalid(null, "A JSON body is required");
        }
        require(request.variantId(), "variantId");
        require(request.quantity(), "quantity");
        require(request.unitPrice(), "unitPrice");
        require(request.totalPrice(), "totalPrice");
        if (request.quantity() < 1) {
            throw ProblemException.invalid("quantity", "quantity must be at least 1, was " + request.quantity());
        }
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return SessionLocks.lock(sessionId).chain(session -> {
            requireForming(session, now);
            if (request.unitPrice() != session.groupPrice) {
                throw ProblemException.conflict("price-mismatch", "unitPrice must equal the session's groupPrice "
                        + session.groupPrice + ", was " + request.unitPrice(), "unitPrice",
                        Map.of("groupPrice", session.groupPrice));
            }
            long amountDue;
            try {
                amountDue = Math.multiplyExact(request.quantity(), session.groupPrice);
            } catch (ArithmeticException e) {
                throw ProblemException.invalid("quantity", "quantity " + request.quantity() + " x groupPrice "
                        + session.groupPrice + " is more rupiah than can be paid");
            }
            if (request.totalPrice() != amountDue) {
                throw ProblemException.conflict("price-mismatch", "totalPrice must equal quantity x groupPrice = "
                        + amountDue + ", was " + request.totalPrice(), "totalPrice", Map.of("expectedTotalPrice", amountDue));
            }
            return joinFacts(sessionId, userId).chain(facts -> {
                SessionVariant variant = facts.variants().stream().filter(v -> v.variantId.equals(request.variantId()))
                        .findFirst().orElseThrow(() -> ProblemException.invalid("variantId", "variant "
                                + request.variantId() + " is not a variant of product " + session.productId));
                UnpaidCap cap = UnpaidCap.of(session.targetMoq, unpaidCapPercent, variant.unitsPerBundle,
                        session.maxUnpaidUnitsPerCustomer);
                refuseOverCap(cap, facts.unpaidUnits(), request.quantity());
                JoinDecision decision = GrosirRules.of(facts.variants()).checkJoin(variant.variantId,
                        request.quantity(), Tally.orders(facts.tally()));
                refuseUnlessAccepted(decision);
                return seat(session, variant, request.quantity(), amountDue, userId, now);
            });
        });
    }

    private static Uni<JoinFacts> joinFacts(UUID sessionId, UUID userId) {
        return Panache.getSession().chain(s -> s.createNativeQuery(JOIN_FACTS, Object[].class)
                .setParameter(1, sessionId).setParameter(2, userId).getResultList())
                .map(rows -> {
                    List<SessionVariant> variants = new ArrayList<>(rows.size());
                    Map<UUID, Tally.Units> tally = new LinkedHashMap<>();
                    long unpaid = 0;
                    for (Object[] row : rows) {
                        SessionVariant v = new SessionVariant();
                        v.sessionId = sessionId;
                        v.variantId = (UUID) row[0];
                        v.name = (String) row[1];
                        v.position = ((Number) row[2]).intValue();
                        v.unitsPerBundle = row[3] == null ? null : ((Number) row[3]).intValue();
                        v.tolerance = row[4] == null ? null : ((Number) row[4]).intValue();
                        variants.add(v);
                        tally.put(v.variantId, new Tally.Units(((Number) row[5]).longValue(),
                                ((Number) row[6]).longValue()));
                        unpaid = ((Number) row[7]).longValue();
                    }
                    return new JoinFacts(variants, tally, unpaid);
                });
    }

    private static void refuseOverCap(UnpaidCap cap, long unpaid, long requested) {
        if (!cap.allows(unpaid, requested)) {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("cap", cap.units());
            body.put("unpaidUnits", unpaid);
            body.put("requested", requested);
            throw ProblemException.conflict("unpaid-cap-reached", "a customer may hold at most " + cap.units()
                    + " unpaid units in this session (" + cap.basis() + "); you hold " + unpaid + " and asked for "
                    + requested + " more: pay for your seats first", "quantity", body);
        }
    }

    private Uni<Participant> seat(Session session, SessionVariant variant, long quantity, long amountDue, UUID userId,
            Instant now) {
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.sessionId = session.id;
        p.userId = userId;
        p.variantId = variant.variantId;
        p.quantity = quantity;
        p.unitPrice = session.groupPrice;
        p.amountDue = amountDue;
        p.status = SeatStatus.AWAITING_PAYMENT;
        p.joinedAt = now;
        p.updatedAt = now;
        ParticipantJoined event = ParticipantJoined.newBuilder()
                .setSessionId(session.id.toString())
                .setParticipantId(p.id.toString())
                .setUserId(userId.toString())
                .setProductId(session.productId.toString())
                .setFactoryId(session.factoryId.toString())
                .setVariantId(variant.variantId.toString())
                .setQuantity(quantity)
                .setUnitPrice(session.groupPrice)
                .setAmountDue(amountDue)
                .setJoinedAt(now)
                .build();
        return p.<Participant>persist()
                .call(() -> Tally.add(session.id, variant.variantId, quantity, 0))
                .call(() -> outbox.publish(session.id, event));
    }

    /** The participant leaves a forming session; a paid seat is refunded in full by payment (from the event). */
    @WithTransaction
    public Uni<Participant> leave(UUID sessionId, UUID participantId, Caller caller) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return SessionLocks.lock(sessionId).chain(session -> participant(sessionId, participantId).chain(p -> {
            caller.requireSelfOrAdmin(p.userId);
            if (session.status != SessionStatus.FORMING) {
                throw ProblemException.conflict("session-not-forming", "session " + sessionId + " is "
                        + session.status.code() + "; participants may leave only while it is forming", "status",
                        Map.of("status", session.status.code()));
            }
            if (!p.status.live()) {
                throw ProblemException.conflict("seat-not-live", "participant " + participantId + " is "
                        + p.status.code() + " and holds no seat", "status", Map.of("status", p.status.code()));
            }
            boolean paid = p.status == SeatStatus.PAID;
            return p.apply(SeatEvent.LEFT, now).chain(() -> outbox.publish(sessionId, ParticipantLeft.newBuilder()
                    .setSessionId(sessionId.toString())
                    .setParticipantId(p.id.toString())
                    .setUserId(p.userId.toString())
                    .setVariantId(p.variantId.toString())
                    .setQuantity(p.quantity)
                    .setPaid(paid)
                    .setLeftAt(now)
                    .build()))
                    .replaceWith(p);
        }));
    }

    /** A seat: its customer, the session's factory, or an admin may read it. */
    @WithSession
    public Uni<Participant> get(UUID sessionId, UUID participantId, Caller caller) {
        return participant(sessionId, participantId).call(p -> {
            if (caller.isAdmin() || p.userId.equals(caller.userId())) {
                return Uni.createFrom().voidItem();
            }
            if (!caller.is(Caller.FACTORY)) {
                return Uni.createFrom().failure(ProblemException.forbidden("This seat belongs to another customer"));
            }
            return Session.<Session>findById(sessionId).invoke(session -> requireOwnSession(session, caller));
        });
    }

    /** The session's seats: for its factory and admins (SPEC §7: factories manage their own sessions). */
    @WithSession
    public Uni<List<Participant>> list(UUID sessionId, Caller caller) {
        return Session.<Session>findById(sessionId).onItem().ifNull().failWith(() -> ProblemException.notFound("Session", sessionId))
                .invoke(session -> requireOwnSession(session, caller))
                .chain(() -> Participant.<Participant>find("sessionId = ?1 order by joinedAt", sessionId).list());
    }

    private static void requireOwnSession(Session session, Caller caller) {
        if (!caller.isAdmin() && !session.factoryId.equals(caller.userId())) {
            throw ProblemException.forbidden("This session belongs to another factory");
        }
    }

    private static Uni<Participant> participant(UUID sessionId, UUID participantId) {
        return Participant.<Participant>findById(participantId)
                .map(p -> p != null && p.sessionId.equals(sessionId) ? p : null)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Participant", participantId));
    }

    static void requireForming(Session session, Instant now) {
        if (session.status != SessionStatus.FORMING || !now.isBefore(session.endTime)) {
            String state = session.status != SessionStatus.FORMING ? session.status.code() : "past its end time " + session.endTime;
            throw ProblemException.conflict("session-not-forming", "session " + session.id + " takes no joins: it is "
                    + state, "sessionId", Map.of("status", session.status.code(), "endTime", session.endTime.toString()));
        }
    }

    private static void refuseUnlessAccepted(JoinDecision decision) {
        switch (decision) {
            case JoinDecision.Accepted a -> {
            }
            case JoinDecision.Rejected r -> {
                Map<String, Object> body = new LinkedHashMap<>();
                body.put("variantId", r.variantId().toString());
                body.put("variantName", r.variantName());
                body.put("requested", r.requested());
                body.put("available", r.available());
                throw ProblemException.conflict("variant-unavailable", "variant " + r.variantName() + " has "
                        + r.available() + " units available, " + r.requested() + " requested"
                        + (r.available() == 0 ? " (locked by warehouse tolerance)" : ""), "quantity", body);
            }
            case JoinDecision.Misconfigured m -> throw misconfigured(m.variantId(), m.variantName(), m.problem());
        }
    }

    public static ProblemException misconfigured(UUID variantId, String variantName, String problem) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variantId", variantId.toString());
        body.put("variantName", variantName);
        return ProblemException.conflict("grosir-misconfigured", "the product's grosir config is incomplete: " + problem,
                "variantId", body);
    }

    private static void require(Object value, String field) {
        if (value == null) {
            throw ProblemException.invalid(field, field + " is required");
        }
    }
}
