package io.laku.e2e;

import io.restassured.RestAssured;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;

/**
 * Event payloads as a Laku service writes them (magic byte 0, the schema's 4-byte registry content id,
 * Avro binary), for tests that stand in for a service that publishes an event.
 */
final class AvroPayloads {

    private static final Map<String, Integer> CONTENT_IDS = new ConcurrentHashMap<>();

    private AvroPayloads() {
    }

    static byte[] encode(SpecificRecord event) {
        int contentId = CONTENT_IDS.computeIfAbsent(event.getSchema().getFullName(), name -> register(event));
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream(256);
            out.write(0);
            out.write(ByteBuffer.allocate(4).putInt(contentId).array());
            BinaryEncoder encoder = EncoderFactory.get().directBinaryEncoder(out, null);
            new SpecificDatumWriter<SpecificRecord>(event.getSchema()).write(event, encoder);
            encoder.flush();
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Finds (or registers, as the owning service does at its start) the schema in group laku. */
    private static int register(SpecificRecord event) {
        Map<String, Object> body = Map.of("artifactId", event.getSchema().getFullName(), "artifactType", "AVRO",
                "firstVersion", Map.of("content", Map.of("content", event.getSchema().toString(),
                        "contentType", "application/json")));
        return RestAssured.given().contentType("application/json").body(body)
                .post(Platform.REGISTRY + "/groups/laku/artifacts?ifExists=FIND_OR_CREATE_VERSION")
                .then().statusCode(200).extract().path("version.contentId");
    }
}
