package io.laku.groupbuying.expiry;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * What happens to a session at expiry (SPEC §4), decided from its paid real units {@code R} and
 * {@code p = R / targetMoq}:
 * <ul>
 *   <li>{@code R == 0}: failed (nothing to refund).</li>
 *   <li>{@code p < 25%}: with the platform bot allowed, a bot seat of {@code ceil(0.25 * targetMoq) - R} units
 *       lifts the session to tier 25; without it, failed and every paid seat is refunded in full.</li>
 *   <li>otherwise: confirmed at the highest tier with {@code p >= tier%}.</li>
 * </ul>
 * Integer arithmetic only: {@code p >= tier%} is {@code R * 100 >= tier * targetMoq}, and
 * {@code ceil(0.25 * targetMoq)} is {@code (targetMoq + 3) / 4}.
 */
public sealed interface SessionOutcome {

    enum FailureReason { NO_PAID_UNITS, BELOW_25_PERCENT_WITHOUT_BOT }

    /** A full refund of one paid seat's escrow to the participant's wallet. */
    record Refund(UUID participantId, UUID userId, long amount) {
    }

    /** The session failed: every paid seat gets its escrow back in full. */
    record Failed(FailureReason reason, List<Refund> refunds) implements SessionOutcome {
        public Failed {
            refunds = List.copyOf(refunds);
        }
    }

    /**
     * One real participant's money at confirmation: {@code refund = (paidUnitPrice - finalUnitPrice) * quantity}
     * goes to the wallet, {@link #finalAmount()} stays in escrow for the factory.
     */
    record Settlement(UUID participantId, UUID userId, UUID variantId, long quantity,
                      long paidUnitPrice, long finalUnitPrice, long refund) {

        public long finalAmount() {
            return Math.multiplyExact(finalUnitPrice, quantity);
        }
    }

    /**
     * The session goes ahead at {@code tier}.
     *
     * @param paidUnits        {@code R}, paid real units
     * @param botUnits         units of the platform bot's seat (0 when no bot was needed)
     * @param demandPerVariant units to fulfil per variant, counting real participants only: the bot seat has no
     *                         variant, brings no payment and gets no order, so its units are never demand
     */
    record Confirmed(Tier tier, long finalUnitPrice, long paidUnits, long botUnits,
                     List<Settlement> settlements, Map<UUID, Long> demandPerVariant) implements SessionOutcome {
        public Confirmed {
            settlements = List.copyOf(settlements);
            demandPerVariant = Collections.unmodifiableMap(new LinkedHashMap<>(demandPerVariant));
        }

        public long totalRefund() {
            return settlements.stream().mapToLong(Settlement::refund).reduce(0L, Math::addExact);
        }
    }

    /**
     * @param targetMoq        the session's MOQ (>= 2)
     * @param botAllowed       whether the platform bot may fill the session up to 25%
     * @param paidParticipants the real participants whose payment is paid (unpaid and left seats excluded)
     * @throws IllegalArgumentException on targetMoq < 2, a duplicate participant, or a paid unit price below the final
     *                                  price (the refund would be negative)
     */
    static SessionOutcome decide(long targetMoq, PriceTiers prices, boolean botAllowed,
                                 List<PaidParticipant> paidParticipants) {
        if (targetMoq < 2) {
            throw new IllegalArgumentException("targetMoq must be >= 2, was " + targetMoq);
        }
        Objects.requireNonNull(prices, "prices");
        requireDistinct(paidParticipants);

        long paidUnits = paidParticipants.stream().mapToLong(PaidParticipant::quantity).reduce(0L, Math::addExact);
        if (paidUnits == 0) {
            return new Failed(FailureReason.NO_PAID_UNITS, List.of());
        }

        Tier tier;
        long botUnits = 0;
        var reached = Tier.highestReachedBy(paidUnits, targetMoq);
        if (reached.isPresent()) {
            tier = reached.get();
        } else if (botAllowed) {
            tier = Tier.TIER_25;
            botUnits = (targetMoq + 3) / 4 - paidUnits;
        } else {
            return new Failed(FailureReason.BELOW_25_PERCENT_WITHOUT_BOT, refundInFull(paidParticipants));
        }

        long finalUnitPrice = prices.priceOf(tier);
        List<Settlement> settlements = new ArrayList<>();
        Map<UUID, Long> demandPerVariant = new LinkedHashMap<>();
        for (PaidParticipant p : paidParticipants) {
            if (p.paidUnitPrice() < finalUnitPrice) {
                throw new IllegalArgumentException("participant " + p.participantId() + " paid " + p.paidUnitPrice()
                        + " per unit, below the final price " + finalUnitPrice);
            }
            long refund = Math.multiplyExact(p.paidUnitPrice() - finalUnitPrice, p.quantity());
            settlements.add(new Settlement(p.participantId(), p.userId(), p.variantId(), p.quantity(),
                    p.paidUnitPrice(), finalUnitPrice, refund));
            demandPerVariant.merge(p.variantId(), p.quantity(), Math::addExact);
        }
        return new Confirmed(tier, finalUnitPrice, paidUnits, botUnits, settlements, demandPerVariant);
    }

    /** Every paid seat's escrow back in full: for a failed session, and for one an admin cancels. */
    static List<Refund> refundInFull(List<PaidParticipant> paidParticipants) {
        return paidParticipants.stream()
                .map(p -> new Refund(p.participantId(), p.userId(), p.paidAmount()))
                .toList();
    }

    private static void requireDistinct(List<PaidParticipant> paidParticipants) {
        Set<UUID> seen = new HashSet<>();
        for (PaidParticipant p : paidParticipants) {
            if (!seen.add(p.participantId())) {
                throw new IllegalArgumentException("participant " + p.participantId() + " appears twice");
            }
        }
    }
}
