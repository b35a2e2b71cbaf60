package io.laku.groupbuying.session;

import java.time.Instant;
import java.util.UUID;

/** A session as the REST API shows it; {@code stats} are the live numbers (null in lists). */
public record SessionView(UUID id, String sessionCode, UUID productId, UUID factoryId, int targetMoq, long groupPrice,
        long priceTier25, long priceTier50, long priceTier75, long priceTier100, boolean botAllowed, Instant endTime,
        String status, Instant createdAt, Integer tier, Long finalUnitPrice, Long botUnits, Instant closedAt,
        String closeReason, Integer maxUnpaidUnitsPerCustomer, Fulfilment fulfilment, SessionStats stats) {

    /**
     * The saga after the outcome as group-buying has heard it (null before the warehouse answered). {@code hasStock}
     * and {@code grosirUnitsNeeded} are the seed's fulfil-demand answer: bundles ordered from the factory, 0 when the
     * stock was on hand.
     */
    public record Fulfilment(boolean hasStock, long grosirUnitsNeeded, UUID purchaseOrderId, String poNumber,
            Integer ordersCreated, Instant productionCompletedAt, Boolean productionImplied) {

        static Fulfilment of(Session s) {
            if (s.stockFromHand == null) {
                return null;
            }
            return new Fulfilment(s.stockFromHand, s.bundlesOrdered == null ? 0 : s.bundlesOrdered, s.purchaseOrderId,
                    s.poNumber, s.ordersCreated, s.productionCompletedAt, s.productionImplied);
        }
    }

    /**
     * @param moqProgressPercent paid units as a share of the MOQ, in whole percent (rounded down)
     * @param tierReached        the highest tier the paid units reach so far (25/50/75/100), or null below 25 %
     * @param tierPrice          that tier's unit price, or null
     * @param secondsRemaining   until the end time (0 once past)
     */
    public record SessionStats(long paidUnits, long awaitingPaymentUnits, long participants, long moqProgressPercent,
            Integer tierReached, Long tierPrice, long secondsRemaining) {
    }

    public static SessionView of(Session s) {
        return of(s, null);
    }

    public static SessionView of(Session s, SessionStats stats) {
        return new SessionView(s.id, s.sessionCode, s.productId, s.factoryId, s.targetMoq, s.groupPrice, s.priceTier25,
                s.priceTier50, s.priceTier75, s.priceTier100, s.botAllowed, s.endTime, s.status.code(), s.createdAt,
                s.tier, s.finalUnitPrice, s.botUnits, s.closedAt, s.closeReason, s.maxUnpaidUnitsPerCustomer,
                Fulfilment.of(s), stats);
    }
}
