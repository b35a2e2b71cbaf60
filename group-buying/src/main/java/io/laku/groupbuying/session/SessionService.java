package io.laku.groupbuying.session;

import io.laku.contracts.session.SessionCreated;
import io.laku.groupbuying.expiry.PriceTiers;
import io.laku.platform.eventing.OutboxWriter;
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

    private static final Logger LOG = Logger.getLogger(SessionService.class);

    @Inject
    OutboxWriter outbox;

    Clock clock = Clock.systemUTC();

    /** Stores the session and its {@code SessionCreated} event in one transaction. */
    @WithTransaction
    public Uni<Session> open(NewSession request, UUID factoryId) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MILLIS);
        PriceTiers prices = request.validate(now);
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
            return session.<Session>persist()
                    .call(saved -> outbox.publish(saved.id, created(saved)))
                    .invoke(saved -> LOG.infof("Opened session %s for factory %s", saved.id, saved.factoryId));
        });
    }

    @WithSession
    public Uni<Session> get(UUID id) {
        return Session.<Session>findById(id)
                .onItem().ifNull().failWith(() -> ProblemException.notFound("Session", id));
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
