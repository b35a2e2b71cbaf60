package io.laku.groupbuying.session;

import io.laku.contracts.session.SessionCreated;
import io.laku.groupbuying.expiry.PriceTiers;
import io.laku.groupbuying.expiry.SessionClosing;
import io.laku.groupbuying.expiry.Tier;
import io.laku.groupbuying.join.Participant;
import io.laku.groupbuying.join.SessionLocks;
import io.laku.groupbuying.product.Product;
import io.laku.groupbuying.product.Variant;
import io.laku.groupbuying.seat.SeatStatus;
import io.laku.platform.reactive.Sequence;
import java.util.List;
import io.laku.groupbuying.tally.Tally;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import io.laku.platform.eventing.OutboxWriter;
import io.laku.groupbuying.saga.SessionTimeline;
import io.laku.platform.web.Paging;
import io.laku.platform.web.ProblemException;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.jboss.logging.Logger;

/** Opening sessions and reading them. */
@ApplicationScoped
public class SessionService {

    static final int MAX_PAGE_SIZE = 200;

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    @Inject
    OutboxWriter outbox;

    @Inject
    SessionClosing closing;

    Clock clock = Clock.systemUTC();

    /** Stores the session and its {@code SessionCreated} event in one transaction. */
    /**
     * @param factoryId the factory the caller acts for; null for an admin (the product's factory is used)
     */
    @WithTransaction
    public Uni<Session> open(NewSession request, UUID factoryId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PriceTiers prices = request.validate(now);
        Uni<Product> product = Product.<Product>findById(request.productId()).invoke(p -> {
            if (p == null) {
                throw new ProblemException(404, "not-found", "Not found", "product " + request.productId()
                        + " does not exist", "productId", null);
            }
            if (factoryId != null && !p.factoryId.equals(factoryId)) {
                throw ProblemException.forbidden("product " + p.id + " belongs to another factory");
            }
        });
        return product.chain(p -> open(request, p.factoryId, prices, now));
    }

    private Uni<Session> open(NewSession request, UUID factoryId, PriceTiers prices, Instant now) {
        Uni<Void> codeIsFree = request.sessionCode() == null
                ? Uni.createFrom().voidItem()
                : Session.count("sessionCode", request.sessionCode()).invoke(count -> {
                    if (count > 0) {
                        throw ProblemException.conflict("session-code-taken",
                                "sessionCode " + request.sessionCode() + " is already used", "sessionCode", null);
                    }
                }).replaceWithVoid();
        return codeIsFree.chain(() -> {
            Session session = new Session();
            session.id = UUID.randomUUID();
            session.sessionCode = request.sessionCode();
            session.productId = request.productId();
            session.factoryId = factoryId;
            session.targetMoq = request.targetMoq();
            session.groupPrice = prices.groupPrice();
            session.priceTier25 = prices.priceTier25();
            session.priceTier50 = prices.priceTier50();
            session.priceTier75 = prices.priceTier75();
            session.priceTier100 = prices.priceTier100();
            session.botAllowed = request.botAllowedOrDefault();
            session.endTime = request.endTime().truncatedTo(ChronoUnit.MILLIS);
            session.status = SessionStatus.FORMING;
            session.createdAt = now;
            session.maxUnpaidUnitsPerCustomer = request.maxUnpaidUnitsPerCustomer();
            return session.<Session>persist()
                    .call(saved -> snapshotConfig(saved))
                    .call(saved -> outbox.publish(saved.id, created(saved)))
                    .invoke(saved -> LOG.infof("Opened session %s for factory %s", saved.id, saved.factoryId));
        });
    }

    /** The session keeps the grosir config its product has now; later changes apply to later sessions only. */
    private static Uni<Void> snapshotConfig(Session session) {
        return Variant.ofProduct(session.productId).chain(variants -> {
            List<SessionVariant> snapshot = variants.stream().map(v -> {
                SessionVariant sv = new SessionVariant();
                sv.sessionId = session.id;
                sv.variantId = v.id;
                sv.name = v.name;
                sv.position = v.position;
                sv.unitsPerBundle = v.unitsPerBundle;
                sv.tolerance = v.tolerance;
                return sv;
            }).toList();
            return Sequence.inOrder(snapshot, sv -> sv.persist());
        });
    }

    @WithSession
    public Uni<Session> get(UUID id) {
        return Session.<Session>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", id));
    }

    /** The session with its live numbers from the tally. */
    @WithSession
    public Uni<SessionView> details(UUID id) {
        Instant now = clock.instant();
        return get(id).chain(session -> Tally.of(id).chain(tally -> Participant
                .count("sessionId = ?1 and status in ?2", id, List.of(SeatStatus.AWAITING_PAYMENT, SeatStatus.PAID))
                .map(participants -> SessionView.of(session, stats(session, tally, participants, now)))));
    }

    static SessionView.SessionStats stats(Session s, Map<UUID, Tally.Units> tally, long participants, Instant now) {
        long paid = tally.values().stream().mapToLong(Tally.Units::paid).sum();
        long awaiting = tally.values().stream().mapToLong(Tally.Units::awaiting).sum();
        Tier tier = Tier.highestReachedBy(paid, s.targetMoq).orElse(null);
        long remaining = Math.max(0, Duration.between(now, s.endTime).toSeconds());
        return new SessionView.SessionStats(paid, awaiting, participants, paid * 100 / s.targetMoq,
                tier == null ? null : tier.percent(), tier == null ? null : s.priceTiers().priceOf(tier), remaining);
    }

    /** Sessions, newest first, filtered by any of status, product and factory. */
    @WithSession
    public Uni<Map<String, Object>> list(String status, UUID productId, UUID factoryId, int page, int size) {
        Paging.require(page, size, MAX_PAGE_SIZE);
        StringBuilder where = new StringBuilder("1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        if (status != null && !status.isBlank()) {
            try {
                params.put("status", SessionStatus.ofCode(status));
            } catch (IllegalArgumentException e) {
                throw ProblemException.invalid("status", "unknown status " + status);
            }
            where.append(" and status = :status");
        }
        if (productId != null) {
            params.put("productId", productId);
            where.append(" and productId = :productId");
        }
        if (factoryId != null) {
            params.put("factoryId", factoryId);
            where.append(" and factoryId = :factoryId");
        }
        var query = Session.<Session>find(where + " order by createdAt desc, id", params).page(page, size);
        return query.list().chain(items -> Session.count(where.toString(), params).map(total -> {
            Map<String, Object> result = new LinkedHashMap<>();
            result.put("items", items.stream().map(SessionView::of).toList());
            result.put("page", page);
            result.put("size", size);
            result.put("total", total);
            return result;
        }));
    }

    /** An admin cancels a forming session: unpaid seats are dropped, paid seats refunded in full (by payment). */
    @WithTransaction
    public Uni<Session> cancel(UUID id, UUID admin, String reason) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        return SessionLocks.lock(id).chain(session -> {
            if (session.status != SessionStatus.FORMING) {
                throw ProblemException.conflict("session-not-forming", "session " + id + " is " + session.status.code()
                        + "; only a forming session can be cancelled", "status", Map.of("status", session.status.code()));
            }
            return closing.close(session, new SessionClosing.Ending.Cancelled(admin, reason), now).replaceWith(session);
        });
    }

    private static SessionCreated created(Session s) {
        return SessionCreated.newBuilder()
                .setSessionId(s.id.toString())
                .setSessionCode(s.sessionCode)
                .setProductId(s.productId.toString())
                .setFactoryId(s.factoryId.toString())
                .setTargetMoq(s.targetMoq)
                .setGroupPrice(s.groupPrice)
                .setPriceTier25(s.priceTier25)
                .setPriceTier50(s.priceTier50)
                .setPriceTier75(s.priceTier75)
                .setPriceTier100(s.priceTier100)
                .setBotAllowed(s.botAllowed)
                .setEndTime(s.endTime)
                .setCreatedAt(s.createdAt)
                .build();
    }
}
