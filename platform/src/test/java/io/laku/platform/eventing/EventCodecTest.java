package io.laku.platform.eventing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.laku.contracts.session.SessionCreated;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import org.apache.avro.Schema;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.junit.jupiter.api.Test;

/** The outbox payload framing: magic byte, 4-byte content id, Avro binary. */
class EventCodecTest {

    private final EventCodec codec = codecWithContentId(42);

    @Test
    void framesTheAvroRecordWithItsRegistryContentId() throws Exception {
        SessionCreated event = sessionCreated();

        byte[] payload = codec.encode(event);

        assertThat(payload[0]).isZero();
        assertThat(ByteBuffer.wrap(payload, 1, 4).getInt()).isEqualTo(42);
        byte[] avro = Arrays.copyOfRange(payload, 5, payload.length);
        SessionCreated decoded = new SpecificDatumReader<>(SessionCreated.class)
                .read(null, DecoderFactory.get().binaryDecoder(avro, null));
        assertThat(decoded).isEqualTo(event);
    }

    @Test
    void bytesWithoutTheFramingArePoison() {
        assertThatThrownBy(() -> codec.decode("laku.session", "not avro".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(PoisonEventException.class).hasMessageContaining("registry-framed");
        assertThatThrownBy(() -> codec.decode("laku.session", null)).isInstanceOf(PoisonEventException.class);
    }

    private static EventCodec codecWithContentId(long contentId) {
        EventCodec codec = new EventCodec();
        codec.registry = new SchemaRegistry() {
            @Override
            public long contentIdOf(Schema schema) {
                return contentId;
            }
        };
        return codec;
    }

    private static SessionCreated sessionCreated() {
        return SessionCreated.newBuilder().setSessionId("s").setSessionCode(null).setProductId("p").setFactoryId("f")
                .setTargetMoq(100).setGroupPrice(200_000).setPriceTier25(150_000).setPriceTier50(135_000)
                .setPriceTier75(120_000).setPriceTier100(105_000).setBotAllowed(true)
                .setEndTime(Instant.parse("2030-01-01T00:00:00Z")).setCreatedAt(Instant.parse("2026-11-23T00:00:00Z"))
                .build();
    }
}
