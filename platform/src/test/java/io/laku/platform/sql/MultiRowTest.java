package io.laku.platform.sql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MultiRowTest {

    @Test
    void tuplesNumberTheParametersRowByRow() {
        assertThat(MultiRow.tuples(2, 3)).isEqualTo("(?1, ?2, ?3), (?4, ?5, ?6)");
        assertThat(MultiRow.tuples(1, 1)).isEqualTo("(?1)");
        assertThat(MultiRow.tuples(2, 2, 4)).isEqualTo("(?5, ?6), (?7, ?8)");
    }

    @Test
    void chunksKeepTheOrderAndHoldAtMostOneStatementsRows() {
        List<Integer> items = IntStream.range(0, 250).boxed().toList();
        List<List<Integer>> chunks = MultiRow.chunks(items);
        assertThat(chunks).extracting(List::size).containsExactly(100, 100, 50);
        assertThat(chunks.stream().flatMap(List::stream).toList()).isEqualTo(items);
        assertThat(MultiRow.chunks(List.of())).isEmpty();
    }
}
