package io.laku.groupbuying.tally;

import io.laku.contracts.payment.PaymentExpired;
import io.laku.contracts.payment.PaymentPaid;
import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ParticipantLeft;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Rebuilds the tally from events alone, with the same rules as the live consumers: a seat joins awaiting payment,
 * moves to paid or is released only from awaiting, leaves from either, and is dropped when its session ends unpaid.
 * Feed events in the order they happened (each topic in offset order; session events of a seat before its payment
 * events). Duplicates change nothing: every transition is guarded by the seat's state.
 */
public final class TallyFold {

    private enum State { AWAITING, PAID, GONE }

    private static final class Seat {
        final UUID sessionId;
        final UUID variantId;
        final long quantity;
        State state = State.AWAITING;

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
            case ParticipantLeft l -> move(l.getParticipantId(), null, State.GONE);
            case PaymentPaid p -> move(p.getParticipantId(), State.AWAITING, State.PAID);
            case PaymentExpired e -> move(e.getParticipantId(), State.AWAITING, State.GONE);
            case SessionConfirmed c -> dropUnpaid(c.getSessionId());
            case SessionFailed f -> dropUnpaid(f.getSessionId());
            case SessionCancelled c -> dropUnpaid(c.getSessionId());
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
            if (seat.state == State.AWAITING) {
                units[0] += seat.quantity;
            } else if (seat.state == State.PAID) {
                units[1] += seat.quantity;
            }
        }
        Map<UUID, Tally.Units> result = new LinkedHashMap<>();
        sums.forEach((variant, units) -> result.put(variant, new Tally.Units(units[0], units[1])));
        return result;
    }

    private void move(String participantId, State from, State to) {
        Seat seat = seats.get(UUID.fromString(participantId));
        if (seat != null && seat.state != State.GONE && (from == null || seat.state == from)) {
            seat.state = to;
        }
    }

    private void dropUnpaid(String sessionId) {
        UUID id = UUID.fromString(sessionId);
        seats.values().stream().filter(s -> s.sessionId.equals(id) && s.state == State.AWAITING)
                .forEach(s -> s.state = State.GONE);
    }
}
