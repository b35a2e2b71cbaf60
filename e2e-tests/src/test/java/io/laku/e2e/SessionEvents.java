package io.laku.e2e;

import io.laku.contracts.session.ParticipantJoined;
import io.laku.contracts.session.ProductionCompleted;
import io.laku.contracts.session.SeatOutcome;
import io.laku.contracts.session.SeatSettled;
import io.laku.contracts.session.SessionCancelled;
import io.laku.contracts.session.SessionEnd;
import io.laku.contracts.session.SessionConfirmed;
import io.laku.contracts.session.SessionFailed;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes session events onto laku.session exactly as group-buying's outbox does (registry-framed
 * Avro, key = session id, headers id / eventType / traceId), for flows whose group-buying side is not
 * built in this branch yet (joins, expiry, production).
 */
final class SessionEvents {


    private SessionEvents() {
    }

    static RecordMetadata publish(String sessionId, SpecificRecord event) {
        return publish(sessionId, event, UUID.randomUUID());
    }

    static RecordMetadata publish(String sessionId, SpecificRecord event, UUID eventId) {
        return Events.publish("laku.session", sessionId, event, eventId);
    }

    static ParticipantJoined joined(String sessionId, UUID factory, UUID participant, UUID user, long quantity, long unitPrice) {
        return ParticipantJoined.newBuilder().setSessionId(sessionId).setParticipantId(participant.toString())
                .setUserId(user.toString()).setProductId(UUID.randomUUID().toString()).setFactoryId(factory.toString())
                .setVariantId(UUID.randomUUID().toString()).setQuantity(quantity).setUnitPrice(unitPrice)
                .setAmountDue(quantity * unitPrice).setJoinedAt(Instant.now()).build();
    }

    /** A seat of a session's outcome as a test describes it. */
    record Seat(UUID participant, UUID user, String variant, long quantity, long paidUnitPrice, long finalUnitPrice,
            boolean unpaid) {
        Seat withVariant(String variantId) {
            return new Seat(participant, user, variantId, quantity, paidUnitPrice, finalUnitPrice, unpaid);
        }
    }

    /**
     * A session's outcome as group-buying publishes it: the session event (SessionConfirmed, SessionFailed or
     * SessionCancelled, whose builder a test may still change), then one SeatSettled per seat.
     */
    record Outcome(SpecificRecord session, List<SeatSettled> seats) {
        SessionConfirmed confirmed() {
            return (SessionConfirmed) session;
        }

        Outcome with(SpecificRecord changed) {
            return new Outcome(changed, seats);
        }
    }

    static Seat confirmedParticipant(UUID participant, UUID user, long quantity, long paid, long fin) {
        return new Seat(participant, user, UUID.randomUUID().toString(), quantity, paid, fin, false);
    }

    /** A paid seat of a failed or cancelled session: refunded in full. */
    static Seat paidSeat(UUID participant, UUID user, long quantity, long paid) {
        return new Seat(participant, user, UUID.randomUUID().toString(), quantity, paid, 0, false);
    }

    /** A seat still unpaid at the end: dropped from the outcome whatever the session's end. */
    static Seat unpaidSeat(UUID participant, UUID user, long quantity, long price) {
        return new Seat(participant, user, UUID.randomUUID().toString(), quantity, price, 0, true);
    }

    static Outcome confirmed(String sessionId, UUID factory, int tier, long groupPrice, long finalPrice, List<Seat> seats) {
        long units = seats.stream().filter(seat -> !seat.unpaid()).mapToLong(Seat::quantity).sum();
        String product = UUID.randomUUID().toString();
        SessionConfirmed confirmed = SessionConfirmed.newBuilder().setSessionId(sessionId).setProductId(product)
                .setFactoryId(factory.toString()).setTargetMoq(100).setTier(tier).setGroupPrice(groupPrice)
                .setFinalUnitPrice(finalPrice).setPaidUnits(units).setBotUnits(0).setDemand(List.of())
                .setConfirmedAt(Instant.now()).setSeats(seats.size()).build();
        return new Outcome(confirmed, seats(sessionId, factory, product, seats, SeatOutcome.CONFIRMED, SessionEnd.CONFIRMED,
                tier));
    }

    static Outcome failed(String sessionId, UUID factory, List<Seat> paidSeats) {
        String product = UUID.randomUUID().toString();
        SessionFailed failed = SessionFailed.newBuilder().setSessionId(sessionId).setProductId(product)
                .setFactoryId(factory.toString()).setReason("BELOW_25_PERCENT_WITHOUT_BOT")
                .setPaidUnits(paidSeats.stream().filter(seat -> !seat.unpaid()).mapToLong(Seat::quantity).sum())
                .setFailedAt(Instant.now()).setSeats(paidSeats.size())
                .setPaidSeats((int) paidSeats.stream().filter(seat -> !seat.unpaid()).count())
                .setRefundTotal(refundTotal(paidSeats)).build();
        return new Outcome(failed, seats(sessionId, factory, product, paidSeats, SeatOutcome.REFUNDED, SessionEnd.FAILED,
                null));
    }

    static Outcome cancelled(String sessionId, UUID factory, String reason, List<Seat> paidSeats) {
        String product = UUID.randomUUID().toString();
        SessionCancelled cancelled = SessionCancelled.newBuilder().setSessionId(sessionId).setProductId(product)
                .setFactoryId(factory.toString()).setCancelledBy(UUID.randomUUID().toString()).setReason(reason)
                .setCancelledAt(Instant.now()).setSeats(paidSeats.size())
                .setPaidSeats((int) paidSeats.stream().filter(seat -> !seat.unpaid()).count())
                .setRefundTotal(refundTotal(paidSeats)).build();
        return new Outcome(cancelled, seats(sessionId, factory, product, paidSeats, SeatOutcome.REFUNDED,
                SessionEnd.CANCELLED, null));
    }

    private static long refundTotal(List<Seat> seats) {
        return seats.stream().filter(seat -> !seat.unpaid()).mapToLong(seat -> seat.quantity() * seat.paidUnitPrice()).sum();
    }

    private static List<SeatSettled> seats(String sessionId, UUID factory, String product, List<Seat> seats,
            SeatOutcome paidOutcome, SessionEnd end, Integer tier) {
        List<SeatSettled> settled = new ArrayList<>();
        for (int i = 0; i < seats.size(); i++) {
            Seat seat = seats.get(i);
            SeatOutcome outcome = seat.unpaid() ? SeatOutcome.DROPPED : paidOutcome;
            long refund = switch (outcome) {
                case CONFIRMED -> (seat.paidUnitPrice() - seat.finalUnitPrice()) * seat.quantity();
                case REFUNDED -> seat.paidUnitPrice() * seat.quantity();
                default -> 0;
            };
            settled.add(SeatSettled.newBuilder().setSessionId(sessionId).setParticipantId(seat.participant().toString())
                    .setUserId(seat.user().toString()).setProductId(product).setFactoryId(factory.toString())
                    .setVariantId(seat.variant()).setVariantName(null).setQuantity(seat.quantity())
                    .setPaidUnitPrice(seat.paidUnitPrice())
                    .setFinalUnitPrice(outcome == SeatOutcome.CONFIRMED ? seat.finalUnitPrice() : 0)
                    .setRefundDue(refund).setOutcome(outcome).setSessionOutcome(end).setTier(tier)
                    .setSeat(i + 1).setSeats(seats.size()).setSettledAt(Instant.now()).build());
        }
        return settled;
    }

    /** Publishes the outcome in group-buying's order; returns where its last record went. */
    static RecordMetadata publish(String sessionId, Outcome outcome) {
        return publish(sessionId, outcome, UUID.randomUUID());
    }

    /** ... with the session event's id given (a redelivery of the same event). */
    static RecordMetadata publish(String sessionId, Outcome outcome, UUID sessionEventId) {
        RecordMetadata last = publish(sessionId, outcome.session(), sessionEventId);
        for (SeatSettled seat : outcome.seats()) {
            last = publish(sessionId, seat);
        }
        return last;
    }

    static ProductionCompleted productionCompleted(String sessionId, UUID factory) {
        return ProductionCompleted.newBuilder().setSessionId(sessionId).setFactoryId(factory.toString())
                .setImpliedByStock(false).setCompletedAt(Instant.now()).build();
    }


}
