package io.laku.groupbuying.saga;

import io.laku.groupbuying.session.SessionStatus;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;

/**
 * SPEC §5.6: the escrow is released once orders exist and production is done. Production is done when the factory
 * says so, or it is implied when the whole demand was already on hand (nothing to make). The factory's word is a fact
 * from a person: it is taken whenever the session is confirmed, in whatever order it comes with the stock and the
 * orders (payment releases once all of them exist), and it is recorded once.
 */
public final class ProductionRule {

    /** A confirmed session, before and after the warehouse's answer. */
    private static final Set<SessionStatus> CONFIRMED = EnumSet.of(SessionStatus.CONFIRMED, SessionStatus.PENDING_STOCK,
            SessionStatus.MOQ_REACHED);

    private ProductionRule() {
    }

    /** The facts group-buying holds about a confirmed session's fulfilment. */
    public record Progress(SessionStatus status, Boolean stockFromHand, Integer ordersCreated,
            Instant productionCompletedAt) {

        boolean ordersExist() {
            return ordersCreated != null;
        }
    }

    /** What the factory's "production is complete" does. */
    public sealed interface Decision {
        /** Record it now (ProductionCompleted). */
        record Record() implements Decision {
        }

        /** It is recorded already (by the factory, or implied by stock on hand): the same answer, nothing new. */
        record AlreadyRecorded(Instant at) implements Decision {
        }

        /** Not a confirmed session: a problem type and its detail. */
        record Refused(String type, String detail) implements Decision {
        }
    }

    public static Decision factoryCompletes(Progress p) {
        if (p.productionCompletedAt() != null) {
            return new Decision.AlreadyRecorded(p.productionCompletedAt());
        }
        if (!CONFIRMED.contains(p.status())) {
            return new Decision.Refused("session-not-confirmed", "the session is " + p.status().code()
                    + "; production can be marked complete once the session is confirmed (confirmed, pending_stock or "
                    + "moq_reached)");
        }
        return new Decision.Record();
    }

    /** Stock was on hand and the orders exist: nothing to produce, so production is complete by itself. */
    public static boolean impliedByStock(Progress p) {
        return Boolean.TRUE.equals(p.stockFromHand()) && p.ordersExist() && p.productionCompletedAt() == null;
    }
}
