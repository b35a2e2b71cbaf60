package io.laku.e2e;

import static io.laku.e2e.Platform.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.laku.contracts.session.SessionCreated;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

/**
 * The walking skeleton: a session created over REST crosses Postgres, Debezium, Kafka and the
 * registry and becomes the factory's notification, once, however often it is delivered.
 */
class WalkingSkeletonIT {

    private static final Duration DEADLINE = Duration.ofSeconds(45);

    @Test
    void aNewSessionReachesTheFactoryAsANotification() {
        UUID factory = UUID.randomUUID();
        String sessionId = createSession(factory);

        List<Map<String, Object>> notices = awaitNotices(factory, sessionId, 1);

        assertThat(notices).singleElement().satisfies(notice -> {
            assertThat(notice.get("kind")).isEqualTo("session_opened");
            assertThat((String) notice.get("message")).contains("MOQ 100").contains("200.000");
        });
        // the notice belongs to the factory only
        as(UUID.randomUUID(), "customer").get(Platform.NOTIFICATIONS + "/api/notifications")
                .then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void aReplayedSessionCreatedLeavesExactlyOneNotification() {
        UUID factory = UUID.randomUUID();
        String sessionId = createSession(factory);
        awaitNotices(factory, sessionId, 1);

        ConsumerRecord<String, byte[]> published = Topics.find("laku.session", r -> sessionId.equals(r.key()), DEADLINE);
        RecordMetadata first = Topics.replay(published);
        RecordMetadata second = Topics.replay(published);

        await("notifications consumed both replays").atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> Topics.consumedPast("notifications", first) && Topics.consumedPast("notifications", second));
        assertThat(notices(factory, sessionId)).hasSize(1);
    }

    @Test
    void theEventIsAvroRegisteredWithBackwardCompatibility() {
        UUID factory = UUID.randomUUID();
        String sessionId = createSession(factory);
        ConsumerRecord<String, byte[]> published = Topics.find("laku.session", r -> sessionId.equals(r.key()), DEADLINE);

        assertThat(Topics.header(published, "eventType")).isEqualTo("SessionCreated");
        assertThat(UUID.fromString(Topics.header(published, "id"))).isNotNull();
        assertThat(Topics.header(published, "traceId")).isNotBlank();

        // a downstream team reads it with the stock Apicurio deserializer and the generated class
        try (AvroKafkaDeserializer<SessionCreated> deserializer = new AvroKafkaDeserializer<>()) {
            deserializer.configure(Map.of("apicurio.registry.url", Platform.REGISTRY,
                    "apicurio.registry.use-specific-avro-reader", true), false);
            SessionCreated event = deserializer.deserialize(published.topic(), published.value());
            assertThat(event.getSessionId()).isEqualTo(sessionId);
            assertThat(event.getFactoryId()).isEqualTo(factory.toString());
            assertThat(event.getGroupPrice()).isEqualTo(200_000L);
            assertThat(event.getPriceTier100()).isEqualTo(105_000L);
        }

        String artifact = Platform.REGISTRY + "/groups/laku/artifacts/io.laku.contracts.session.SessionCreated";
        RestAssured.get(artifact).then().statusCode(200).body("artifactType", equalTo("AVRO"));
        RestAssured.get(artifact + "/rules/COMPATIBILITY").then().statusCode(200).body("config", equalTo("BACKWARD"));

        // and the rule is enforced: a new required field without a default cannot be read from old events
        String current = RestAssured.get(artifact + "/versions/branch=latest/content").asString();
        String incompatible = current.replaceFirst("\"fields\"\\s*:\\s*\\[",
                "\"fields\":[{\"name\":\"mandatoryNewField\",\"type\":\"string\"},");
        Response refused = RestAssured.given().contentType("application/json")
                .body(Map.of("content", Map.of("content", incompatible, "contentType", "application/json")))
                .post(artifact + "/versions");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.jsonPath().getString("name")).isEqualTo("RuleViolationException");
        assertThat(refused.jsonPath().getString("detail")).contains("Incompatible").contains("mandatoryNewField");
    }

    @Test
    void aPoisonMessageGoesToTheDeadLetterTopicAndTheConsumerGoesOn() {
        String poisonId = UUID.randomUUID().toString();
        String poisonKey = UUID.randomUUID().toString();
        ProducerRecord<String, byte[]> poison = new ProducerRecord<>("laku.session", poisonKey,
                "definitely not avro".getBytes(StandardCharsets.UTF_8));
        poison.headers().add("id", poisonId.getBytes(StandardCharsets.UTF_8));
        poison.headers().add("eventType", "SessionCreated".getBytes(StandardCharsets.UTF_8));
        Topics.send(poison);

        ConsumerRecord<String, byte[]> dead = Topics.find("laku.dlq.notifications",
                r -> poisonKey.equals(r.key()), DEADLINE);
        assertThat(Topics.header(dead, "dead-letter-reason")).contains("payload");

        UUID factory = UUID.randomUUID();
        String sessionId = createSession(factory);
        assertThat(awaitNotices(factory, sessionId, 1)).hasSize(1);
    }

    private static String createSession(UUID factory) {
        Products.Product hoodie = Products.premiumHoodie(factory);
        return as(factory, "factory").body(Sessions.premiumHoodieSession(hoodie.id()))
                .post(Platform.GROUP_BUYING + "/api/group-buying")
                .then().statusCode(201).body("status", equalTo("forming"))
                .extract().path("id");
    }

    private static List<Map<String, Object>> awaitNotices(UUID user, String sessionId, int expected) {
        await("notification for session " + sessionId).atMost(DEADLINE).pollInterval(Duration.ofMillis(200))
                .until(() -> notices(user, sessionId).size() >= expected);
        return notices(user, sessionId);
    }

    private static List<Map<String, Object>> notices(UUID user, String sessionId) {
        JsonPath page = as(user, "factory").queryParam("size", 100).get(Platform.NOTIFICATIONS + "/api/notifications")
                .then().statusCode(200).extract().jsonPath();
        return page.<Map<String, Object>>getList("items").stream()
                .filter(n -> sessionId.equals(n.get("sessionId")))
                .toList();
    }
}
