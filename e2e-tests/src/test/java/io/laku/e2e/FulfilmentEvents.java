package io.laku.e2e;

import io.laku.contracts.fulfilment.ReservedUnits;
import io.laku.contracts.fulfilment.StockReserved;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.RecordMetadata;

/**
 * Publishes the warehouse's fulfilment events onto laku.fulfilment exactly as its outbox does (key = session id),
 * for tests that play the warehouse's part.
 */
final class FulfilmentEvents {

    static final String TOPIC = "laku.fulfilment";

    private FulfilmentEvents() {
    }

    /** The warehouse holds the session's whole demand, from stock it already had. */
    static StockReserved stockReserved(String sessionId, String productId, Map<String, Long> unitsPerVariant) {
        return StockReserved.newBuilder()
                .setSessionId(sessionId)
                .setProductId(productId)
                .setReservations(unitsPerVariant.entrySet().stream()
                        .map(e -> ReservedUnits.newBuilder().setVariantId(e.getKey()).setUnits(e.getValue()).build())
                        .toList())
                .setPurchaseOrderId(null)
                .setFromStockOnHand(true)
                .setReservedAt(Instant.now().truncatedTo(ChronoUnit.MILLIS))
                .build();
    }

    static RecordMetadata publish(String sessionId, StockReserved reserved) {
        return Events.publish(TOPIC, sessionId, reserved);
    }

    static RecordMetadata publish(String sessionId, StockReserved reserved, UUID eventId) {
        return Events.publish(TOPIC, sessionId, reserved, eventId);
    }
}
