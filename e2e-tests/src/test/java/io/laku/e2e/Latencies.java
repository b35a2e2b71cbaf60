package io.laku.e2e;

import java.util.Arrays;

/** Latencies (nanoseconds) of one run, summed up as a benchmark prints them: nearest-rank percentiles in ms. */
record Latencies(long count, double p50, double p90, double p99, double max) {

    static Latencies of(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new Latencies(sorted.length, rank(sorted, 50), rank(sorted, 90), rank(sorted, 99),
                sorted.length == 0 ? 0 : sorted[sorted.length - 1] / 1e6);
    }

    /** The smallest value with at least p % of the values at or below it (0 for no values). */
    private static double rank(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    /** A growable per-thread array of samples (no boxing, no locks: one recorder per client). */
    static final class Recorder {
        private long[] samples = new long[1024];
        private int size;

        void add(long nanos) {
            if (size == samples.length) {
                samples = Arrays.copyOf(samples, size * 2);
            }
            samples[size++] = nanos;
        }

        long[] toArray() {
            return Arrays.copyOf(samples, size);
        }
    }
}
