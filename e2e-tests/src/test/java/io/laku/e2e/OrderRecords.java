package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.awaitility.Awaitility.await;

import io.laku.contracts.order.OrderPlaced;
import io.laku.contracts.order.OrdersCreated;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** Reads what the order service made: its orders over REST (as an admin), its OrdersCreated on laku.order and in its outbox. */
final class OrderRecords {

    /**
     * Longer than other tests' 60 s: the first event of a run has taken up to ~75 s to be applied by the order service
     * on the shared, loaded 2-core VM (first use of a topic by the consumer group, producer and registry warm-up; the
     * exact share of each was not pinned down). Later events take a few seconds.
     */
    static final Duration DEADLINE = Duration.ofSeconds(120);
    static final UUID ADMIN = UUID.fromString("00000000-0000-0000-0000-00000000ad05");

    private OrderRecords() {
    }

    /** The session's orders as an admin sees them (newest first, then by order number). */
    static JsonPath ofSession(String sessionId) {
        return as(ADMIN, "admin").queryParam("sessionId", sessionId).queryParam("size", 100)
                .get(Platform.ORDER + "/api/orders").then().statusCode(200).extract().jsonPath();
    }

    static JsonPath awaitOrders(String sessionId, int count) {
        return await("orders of session " + sessionId).atMost(DEADLINE).pollInterval(Duration.ofMillis(300))
                .until(() -> ofSession(sessionId), page -> page.getLong("total") >= count);
    }

    /** Every OrdersCreated published for the session so far, reading laku.order to its end. */
    static List<OrdersCreated> ordersCreated(String sessionId) {
        return Topics.all("laku.order", r -> sessionId.equals(r.key()) && "OrdersCreated".equals(Topics.header(r, "eventType")))
                .stream().map(r -> decode(r.value())).toList();
    }

    /** Every OrderPlaced published for the session so far (one per order), reading laku.order to its end. */
    static List<OrderPlaced> ordersPlaced(String sessionId) {
        return Topics.all("laku.order", r -> sessionId.equals(r.key()) && "OrderPlaced".equals(Topics.header(r, "eventType")))
                .stream().map(r -> decode(r.value(), OrderPlaced.class)).toList();
    }

    static <T> T decode(byte[] payload, Class<T> type) {
        try {
            return new SpecificDatumReader<>(type)
                    .read(null, DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static OrdersCreated decode(byte[] payload) {
        // registry framing: magic byte 0 and a 4-byte content id, then the Avro record (written with this schema)
        try {
            return new SpecificDatumReader<>(OrdersCreated.class)
                    .read(null, DecoderFactory.get().binaryDecoder(payload, 5, payload.length - 5, null));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OrdersCreated rows the order service wrote to its outbox for the session (each is published once written). */
    static long outboxed(String sessionId) {
        try (Connection db = Platform.database("order");
                PreparedStatement q = db.prepareStatement(
                        "select count(*) from outbox_event where aggregate_id = ? and event_type = 'OrdersCreated'")) {
            q.setString(1, sessionId);
            try (ResultSet rows = q.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
