package io.laku.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import io.laku.contracts.payment.RefundIssued;
import io.laku.contracts.session.SessionCreated;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The AsyncAPI document (contracts/asyncapi.yaml) is generated from the catalogue and the schemas. The build writes
 * it: when the committed file differs from what the catalogue says, this test writes the new one and fails, so a
 * stale file never passes CI and a developer's next build has it fresh (review it, commit it).
 */
class AsyncApiDocumentTest {

    static final Path FILE = Path.of("asyncapi.yaml");
    static final String HEADER = """
            # Laku's event catalogue, AsyncAPI 3. GENERATED from contracts/avro and EventCatalog by the build
            # (AsyncApiDocumentTest): do not edit; change a schema or the catalogue and build (./mvnw -pl contracts test).
            """;

    static String render(ObjectNode document) throws IOException {
        ObjectMapper yaml = new ObjectMapper(YAMLFactory.builder()
                .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
                .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
                .disable(YAMLGenerator.Feature.SPLIT_LINES)
                .build());
        return HEADER + yaml.writeValueAsString(document);
    }

    @Test
    void theCommittedDocumentIsTheGeneratedOne() throws IOException {
        String generated = render(AsyncApiDocument.build());
        String committed = Files.exists(FILE) ? Files.readString(FILE, StandardCharsets.UTF_8) : "";
        if (!generated.equals(committed)) {
            Files.writeString(FILE, generated, StandardCharsets.UTF_8);
        }
        assertThat(generated.equals(committed))
                .as("contracts/asyncapi.yaml was stale (first difference at line %d): the build wrote the generated one;"
                        + " review it (git diff contracts/asyncapi.yaml) and commit it", firstDifference(committed, generated))
                .isTrue();
    }

    static int firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        int line = 0;
        while (line < x.length && line < y.length && x[line].equals(y[line])) {
            line++;
        }
        return line + 1;
    }

    @Test
    void aChannelPerTopicWithItsEventsAsMessages() {
        JsonNode doc = AsyncApiDocument.build();
        assertThat(doc.path("asyncapi").asText()).isEqualTo("3.0.0");
        List<String> channels = new ArrayList<>();
        doc.path("channels").fieldNames().forEachRemaining(channels::add);
        assertThat(channels).containsExactly("laku.product", "laku.session", "laku.payment", "laku.wallet",
                "laku.fulfilment", "laku.order");
        List<String> sessionMessages = new ArrayList<>();
        doc.path("channels").path("laku.session").path("messages").fieldNames().forEachRemaining(sessionMessages::add);
        assertThat(sessionMessages).containsExactly("ParticipantJoined", "ParticipantLeft", "ProductionCompleted",
                "SeatSettled", "SessionCancelled", "SessionConfirmed", "SessionCreated", "SessionFailed");
        assertThat(doc.path("channels").path("laku.wallet").path("messages").path("WalletCredited").path("$ref").asText())
                .isEqualTo("#/components/messages/WalletCredited");
    }

    @Test
    void aMessageCarriesItsAvroSchemaKeyHeadersOwnerAndConsumers() {
        JsonNode message = AsyncApiDocument.build().path("components").path("messages").path("RefundIssued");
        assertThat(message.path("payload").path("schemaFormat").asText()).isEqualTo("application/vnd.apache.avro+json;version=1.9.0");
        assertThat(message.path("payload").path("schema").path("name").asText()).isEqualTo("RefundIssued");
        assertThat(message.path("payload").path("schema").path("namespace").asText()).isEqualTo("io.laku.contracts.payment");
        assertThat(message.path("payload").path("schema").path("fields").get(1).path("name").asText()).isEqualTo("refundId");
        assertThat(message.path("summary").asText()).isEqualTo(RefundIssued.getClassSchema().getDoc());
        assertThat(message.path("bindings").path("kafka").path("key").path("description").asText()).isEqualTo("the session id");
        assertThat(message.path("headers").path("$ref").asText()).isEqualTo("#/components/schemas/LakuHeaders");
        assertThat(message.path("x-owner").asText()).isEqualTo("payment");
        assertThat(message.path("x-consumers").findValuesAsText("service")).containsExactly("group-buying", "wallet");

        JsonNode headers = AsyncApiDocument.build().path("components").path("schemas").path("LakuHeaders").path("properties");
        List<String> names = new ArrayList<>();
        headers.fieldNames().forEachRemaining(names::add);
        assertThat(names).containsExactly("id", "eventType", "traceId");
    }

    @Test
    void theOwnerSendsAndEachConsumerReceivesWhatItReactsTo() {
        JsonNode operations = AsyncApiDocument.build().path("operations");
        JsonNode send = operations.path("group-buying.sends.laku.session");
        assertThat(send.path("action").asText()).isEqualTo("send");
        assertThat(send.path("channel").path("$ref").asText()).isEqualTo("#/channels/laku.session");
        assertThat(send.path("messages").findValuesAsText("$ref")).hasSize(8)
                .contains("#/channels/laku.session/messages/" + SessionCreated.class.getSimpleName());

        JsonNode receive = operations.path("warehouse.receives.laku.session");
        assertThat(receive.path("action").asText()).isEqualTo("receive");
        assertThat(receive.path("messages").findValuesAsText("$ref"))
                .containsExactly("#/channels/laku.session/messages/SessionConfirmed");
        assertThat(receive.path("bindings").path("kafka").path("groupId").path("enum").get(0).asText()).isEqualTo("warehouse");
        assertThat(operations.has("wallet.receives.laku.session")).isFalse();
        assertThat(operations.has("notifications.receives.laku.wallet")).isTrue();
    }
}
