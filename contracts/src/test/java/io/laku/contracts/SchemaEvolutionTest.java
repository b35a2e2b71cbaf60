package io.laku.contracts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.SchemaCompatibilityType;
import org.junit.jupiter.api.Test;

/**
 * Schema evolution is guarded in the build, not at a service's start: every schema in {@code avro/} must read
 * everything written with the last released version of it ({@code released/}), BACKWARD as the registry enforces,
 * checked with Avro's own {@link SchemaCompatibility}. A released event type may not disappear. Releasing the
 * current schemas (after a deployment) is one line: {@code rm -rf contracts/released && cp -r contracts/avro
 * contracts/released}.
 */
class SchemaEvolutionTest {

    /** The schemas under a folder, by full name (each .avsc file is self-contained). */
    static Map<String, Schema> schemasUnder(Path folder) {
        Map<String, Schema> schemas = new TreeMap<>();
        try (Stream<Path> files = Files.walk(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".avsc")).sorted().toList()) {
                Schema schema = new Schema.Parser().parse(file.toFile());
                schemas.put(schema.getFullName(), schema);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return schemas;
    }

    /** What breaks a consumer on the current schemas reading events written with the released ones. */
    static List<String> breakingChanges(Map<String, Schema> released, Map<String, Schema> current) {
        List<String> problems = new ArrayList<>();
        released.forEach((name, old) -> {
            Schema now = current.get(name);
            if (now == null) {
                problems.add(name + ": released, but there is no current schema (an event type's consumers still read it)");
                return;
            }
            SchemaCompatibility.SchemaPairCompatibility check = SchemaCompatibility.checkReaderWriterCompatibility(now, old);
            if (check.getType() != SchemaCompatibilityType.COMPATIBLE) {
                check.getResult().getIncompatibilities().forEach(i -> problems.add(name + ": " + i.getType() + " at "
                        + i.getLocation() + ": " + i.getMessage()));
            }
        });
        return problems;
    }

    @Test
    void everyCurrentSchemaReadsWhatItsReleasedVersionWrote() {
        Map<String, Schema> released = schemasUnder(Path.of("released"));
        assertThat(released).as("contracts/released holds the last released schemas").isNotEmpty();
        assertThat(breakingChanges(released, schemasUnder(Path.of("avro"))))
                .as("changes to contracts/avro that break BACKWARD compatibility with contracts/released").isEmpty();
    }

    @Test
    void addingAFieldWithADefaultOrRemovingOneIsBackwardCompatible() {
        Path pair = Path.of("src/test/resources/evolution/compatible");
        assertThat(breakingChanges(schemasUnder(pair.resolve("released")), schemasUnder(pair.resolve("current")))).isEmpty();
    }

    @Test
    void addingAFieldWithoutADefaultOrChangingATypeBreaksIt() {
        Path pair = Path.of("src/test/resources/evolution/incompatible");
        assertThat(breakingChanges(schemasUnder(pair.resolve("released")), schemasUnder(pair.resolve("current"))))
                .containsExactlyInAnyOrder(
                        "io.laku.fixture.SeatTaken: READER_FIELD_MISSING_DEFAULT_VALUE at /fields/3: voucherCode",
                        "io.laku.fixture.SeatTaken: TYPE_MISMATCH at /fields/2/type: reader type: INT not compatible with writer type: LONG",
                        "io.laku.fixture.SeatLeft: released, but there is no current schema (an event type's consumers still read it)");
    }
}
