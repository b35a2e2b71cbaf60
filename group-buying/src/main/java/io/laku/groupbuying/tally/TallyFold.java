package io.laku.groupbuying.tally;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import io.laku.groupbuying.seat.SeatEvent;
import io.laku.groupbuying.seat.SeatStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Rebuilds the tally from events alone, with the seat's own transition table ({@link SeatStatus}) that the live
 * consumers use. Feed events in the order they happened (each topic in offset order; session events of a seat before
 * its payment events). Duplicates change nothing: an event means nothing to a seat already past it.
 */
public final class TallyFold {

    private static final class Seat {
        final UUID sessionId;
        final UUID variantId;
        final long quantity;
        SeatStatus status = SeatStatus.AWAITING_PAYMENT;

        Seat(UUID sessionId, UUID variantId, long quantity) {
            this.sessionId = sessionId;
            this.variantId = variantId;
            this.quantity = quantity;
        }
    }

    private final Map<UUID, Seat> seats = new LinkedHashMap<>();

    /** Applies one event; events that do not move the tally are ignored. */
    public void apply(Object event) {
        switch (event) {
            case ParticipantJoined j -> seats.putIfAbsent(UUID.fromString(j.getParticipantId()),
                    new Seat(UUID.fromString(j.getSessionId()), UUID.fromString(j.getVariantId()), j.getQuantity()));
            case ParticipantLeft l -> move(l.getParticipantId(), SeatEvent.LEFT);
            case PaymentPaid p -> move(p.getParticipantId(), SeatEvent.PAYMENT_PAID);
            case PaymentExpired e -> move(e.getParticipantId(), SeatEvent.PAYMENT_EXPIRED);
            case SessionConfirmed c -> sessionEnded(c.getSessionId(), SeatEvent.SESSION_CONFIRMED);
            case SessionFailed f -> sessionEnded(f.getSessionId(), SeatEvent.SESSION_CALLED_OFF);
            case SessionCancelled c -> sessionEnded(c.getSessionId(), SeatEvent.SESSION_CALLED_OFF);
            default -> {
            }
        }
    }

    /** The rebuilt tally of one session, by variant (only variants that ever had a seat). */
    public Map<UUID, Tally.Units> tally(UUID sessionId) {
        Map<UUID, long[]> sums = new TreeMap<>();
        for (Seat seat : seats.values()) {
            if (!seat.sessionId.equals(sessionId)) {
                continue;
            }
            long[] units = sums.computeIfAbsent(seat.variantId, v -> new long[2]);
            units[0] += seat.status.awaitingUnits(seat.quantity);
            units[1] += seat.status.paidUnits(seat.quantity);
        }
        Map<UUID, Tally.Units> result = new LinkedHashMap<>();
        sums.forEach((variant, units) -> result.put(variant, new Tally.Units(units[0], units[1])));
        return result;
    }

    private void move(String participantId, SeatEvent event) {
        Seat seat = seats.get(UUID.fromString(participantId));
        if (seat != null) {
            seat.status.after(event).ifPresent(next -> seat.status = next);
        }
    }

    private void sessionEnded(String sessionId, SeatEvent end) {
        UUID id = UUID.fromString(sessionId);
        seats.values().stream().filter(s -> s.sessionId.equals(id))
                .forEach(s -> s.status.after(end).ifPresent(next -> s.status = next));
    }
}
