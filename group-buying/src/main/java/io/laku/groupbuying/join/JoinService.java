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
import io.laku.platform.trace.TraceIds;
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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Joining and leaving. A join is seated in its session's turn ({@link JoinTurns}): one transaction per turn locks the
 * session row, checks it is forming, reads the session's grosir config, its tally and the unpaid units of the turn's
 * customers in one statement, then decides each join in the order they came: the cap ({@link UnpaidCap}) and the
 * grosir rule of the config the session opened with, against the tally as the joins before it in the turn left it.
 * The accepted seats are inserted, added to the tally and announced with {@code ParticipantJoined} together. The
 * lock makes check-and-insert atomic, so concurrent joins never pass a variant's allowance nor a customer's cap.
 */
@ApplicationScoped
public class JoinService {

    /**
     * What a turn decides on, read in one round trip under the session lock: per variant of the session (in its order)
     * its grosir config and its tally (0 when no seat holds it yet), and on every row the unpaid units in the session
     * of each of the turn's customers who holds any, as {@code user:units,user:units}.
     */
    private static final String JOIN_FACTS = """
            select v.variant_id, v.name, v.position, v.units_per_bundle, v.tolerance,
                   coalesce(t.awaiting_units, 0), coalesce(t.paid_units, 0),
                   (select string_agg(u.user_id::text || ':' || u.units, ',')
                    from (select p.user_id, sum(p.quantity) as units from participant p
                          where p.session_id = ?1 and p.user_id in (?2) and p.status = 'awaiting_payment'
                          group by p.user_id) u)
            from session_variant v
            left join session_variant_tally t on t.session_id = v.session_id and t.variant_id = v.variant_id
            where v.session_id = ?1
            order by v.position""";

    /** The session's variants as it opened, the tally of its live seats, the turn's customers' unpaid units in it. */
    private record JoinFacts(List<SessionVariant> variants, Map<UUID, Tally.Units> tally, Map<UUID, Long> unpaid) {
    }

    @Inject
    OutboxWriter outbox;

    @Inject
    JoinTurns turns;

    @ConfigProperty(name = "laku.join.unpaid-cap-percent", defaultValue = "10")
    int unpaidCapPercent;

    Clock clock = Clock.systemUTC();

    /** The caller takes a seat, or is told why not (problem+json); bad input is refused before the session's turn. */
    public Uni<Participant> join(UUID sessionId, JoinRequest request, UUID userId) {
        if (request == null) {
            return Uni.createFrom().failure(ProblemException.invalid(null, "A JSON body is required"));
        }
        try {
            require(request.variantId(), "variantId");
            require(request.quantity(), "quantity");
            require(request.unitPrice(), "unitPrice");
            require(request.totalPrice(), "totalPrice");
        } catch (ProblemException e) {
            return Uni.createFrom().failure(e);
        }
        if (request.quantity() < 1) {
            return Uni.createFrom().failure(ProblemException.invalid("quantity", "quantity must be at least 1, was "
                    + request.quantity()));
        }
        return turns.take(sessionId, new JoinTurns.Ask(request, userId, TraceIds.current(), new CompletableFuture<>()),
                this::turn);
    }

    /** One turn of a session: its asks decided in order and the accepted ones seated, in one transaction. */
    private Uni<List<JoinTurns.Answer>> turn(UUID sessionId, List<JoinTurns.Ask> asks) {
        return Panache.withTransaction(() -> {
            Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
            return SessionLocks.lock(sessionId).chain(session -> {
                requireForming(session, now);
                List<UUID> users = asks.stream().map(JoinTurns.Ask::userId).distinct().toList();
                return joinFacts(sessionId, users).chain(facts -> {
                    Map<UUID, Tally.Units> tally = new LinkedHashMap<>(facts.tally());
                    Map<UUID, Long> unpaid = new HashMap<>(facts.unpaid());
                    List<JoinTurns.Answer> answers = new ArrayList<>(asks.size());
                    List<Participant> seats = new ArrayList<>();
                    List<OutboxWriter.Keyed> joined = new ArrayList<>();
                    for (JoinTurns.Ask ask : asks) {
                        try {
                            Participant seat = decide(session, facts.variants(), tally, unpaid, ask, now);
                            tally.merge(seat.variantId, new Tally.Units(seat.quantity, 0),
                                    (was, added) -> new Tally.Units(was.awaiting() + added.awaiting(), was.paid()));
                            unpaid.merge(seat.userId, seat.quantity, Long::sum);
                            seats.add(seat);
                            joined.add(new OutboxWriter.Keyed(session.id, joinedEvent(session, seat), ask.traceId()));
                            answers.add(new JoinTurns.Answer(seat, null));
                        } catch (ProblemException refused) {
                            answers.add(new JoinTurns.Answer(null, refused));
                        }
                    }
                    return seat(session.id, seats, joined).replaceWith(answers);
                });
            });
        });
    }

    /** A join decided against the session as the turn has it so far: its seat (not yet stored), or a refusal. */
    private Participant decide(Session session, List<SessionVariant> variants, Map<UUID, Tally.Units> tally,
            Map<UUID, Long> unpaid, JoinTurns.Ask ask, Instant now) {
        JoinRequest request = ask.request();
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
        SessionVariant variant = variants.stream().filter(v -> v.variantId.equals(request.variantId()))
                .findFirst().orElseThrow(() -> ProblemException.invalid("variantId", "variant "
                        + request.variantId() + " is not a variant of product " + session.productId));
        UnpaidCap cap = UnpaidCap.of(session.targetMoq, unpaidCapPercent, variant.unitsPerBundle,
                session.maxUnpaidUnitsPerCustomer);
        refuseOverCap(cap, unpaid.getOrDefault(ask.userId(), 0L), request.quantity());
        refuseUnlessAccepted(GrosirRules.of(variants).checkJoin(variant.variantId, request.quantity(),
                Tally.orders(tally)));
        Participant p = new Participant();
        p.id = UUID.randomUUID();
        p.sessionId = session.id;
        p.userId = ask.userId();
        p.variantId = variant.variantId;
        p.quantity = request.quantity();
        p.unitPrice = session.groupPrice;
        p.amountDue = amountDue;
        p.status = SeatStatus.AWAITING_PAYMENT;
        p.joinedAt = now;
        p.updatedAt = now;
        return p;
    }

    private static Uni<JoinFacts> joinFacts(UUID sessionId, List<UUID> users) {
        return Panache.getSession().chain(s -> s.createNativeQuery(JOIN_FACTS, Object[].class)
                .setParameter(1, sessionId).setParameter(2, users).getResultList())
                .map(rows -> {
                    List<SessionVariant> variants = new ArrayList<>(rows.size());
                    Map<UUID, Tally.Units> tally = new LinkedHashMap<>();
                    Map<UUID, Long> unpaid = new HashMap<>();
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
                        if (row[7] != null && unpaid.isEmpty()) {
                            for (String held : ((String) row[7]).split(",")) {
                                int colon = held.indexOf(':');
                                unpaid.put(UUID.fromString(held.substring(0, colon)),
                                        Long.parseLong(held.substring(colon + 1)));
                            }
                        }
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

    /** The turn's accepted seats stored, added to the tally (one statement per variant) and announced. */
    private Uni<Void> seat(UUID sessionId, List<Participant> seats, List<OutboxWriter.Keyed> joined) {
        if (seats.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        Map<UUID, Long> units = new LinkedHashMap<>();
        seats.forEach(seat -> units.merge(seat.variantId, seat.quantity, Long::sum));
        Uni<Void> chain = Panache.getSession().chain(s -> s.persistAll(seats.toArray()));
        for (Map.Entry<UUID, Long> variant : units.entrySet()) {
            chain = chain.call(() -> Tally.add(sessionId, variant.getKey(), variant.getValue(), 0));
        }
        return chain.call(() -> outbox.publishAll(joined));
    }

    private static ParticipantJoined joinedEvent(Session session, Participant p) {
        return ParticipantJoined.newBuilder()
                .setSessionId(session.id.toString())
                .setParticipantId(p.id.toString())
                .setUserId(p.userId.toString())
                .setProductId(session.productId.toString())
                .setFactoryId(session.factoryId.toString())
                .setVariantId(p.variantId.toString())
                .setQuantity(p.quantity)
                .setUnitPrice(p.unitPrice)
                .setAmountDue(p.amountDue)
                .setJoinedAt(p.joinedAt)
                .build();
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
