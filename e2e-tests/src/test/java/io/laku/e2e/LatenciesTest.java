package io.laku.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class LatenciesTest {

    private static final long MS = 1_000_000;

    @Test
    void percentilesAreNearestRankInMilliseconds() {
        long[] oneToHundredMs = LongStream.rangeClosed(1, 100).map(ms -> ms * MS).toArray();

        Latencies l = Latencies.of(oneToHundredMs);

        assertThat(l.count()).isEqualTo(100);
        assertThat(l.p50()).isEqualTo(50.0);
        assertThat(l.p90()).isEqualTo(90.0);
        assertThat(l.p99()).isEqualTo(99.0);
        assertThat(l.max()).isEqualTo(100.0);
    }

    @Test
    void aFewSamplesInAnyOrder() {
        Latencies l = Latencies.of(new long[] {30 * MS, 10 * MS, 20 * MS});

        assertThat(l.p50()).isEqualTo(20.0);
        assertThat(l.p90()).isEqualTo(30.0);
        assertThat(l.p99()).isEqualTo(30.0);
    }

    @Test
    void noSamplesAreZeros() {
        assertThat(Latencies.of(new long[0])).isEqualTo(new Latencies(0, 0, 0, 0, 0));
    }

    @Test
    void theRecorderKeepsEverySampleWhileGrowing() {
        Latencies.Recorder recorder = new Latencies.Recorder();
        for (long i = 1; i <= 5_000; i++) {
            recorder.add(i);
        }

        assertThat(recorder.toArray()).hasSize(5_000).startsWith(1, 2, 3).endsWith(4_999, 5_000);
    }
}
