package io.laku.groupbuying.saga;

import io.laku.groupbuying.session.SessionStatus;
import java.time.Instant;
import java.util.Optional;

/**
 * SPEC §5.6: the escrow is released once orders exist and production is done. Production is done when
 * the factory says so, or it is implied when the whole demand was already on hand (nothing to make).
 */
public final class ProductionRule {

    /** Why the factory cannot mark production done now: a problem type and its detail. */
    public record Refusal(String type, String detail) {
    }

    private ProductionRule() {
    }

    /** The facts group-buying holds about a confirmed session's fulfilment. */
    public record Progress(SessionStatus status, Boolean stockFromHand, Integer ordersCreated,
            Instant productionCompletedAt) {

        boolean ordersExist() {
            return ordersCreated != null;
        }
    }

    public static Optional<Refusal> factoryMayComplete(Progress p) {
        if (p.productionCompletedAt() != null) {
            return Optional.of(new Refusal("production-already-complete",
                    "production was already marked complete at " + p.productionCompletedAt()));
        }
        if (p.status() != SessionStatus.MOQ_REACHED) {
            return Optional.of(new Refusal("stock-not-reserved", "the session is " + p.status().code()
                    + "; production can be marked complete once its stock is reserved (moq_reached)"));
        }
        if (!p.ordersExist()) {
            return Optional.of(new Refusal("orders-not-created",
                    "the session's orders are not created yet; try again shortly"));
        }
        return Optional.empty();
    }

    /** Stock was on hand and the orders exist: nothing to produce, so production is complete by itself. */
    public static boolean impliedByStock(Progress p) {
        return Boolean.TRUE.equals(p.stockFromHand()) && p.ordersExist() && p.productionCompletedAt() == null;
    }
}
