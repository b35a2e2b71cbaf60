package io.laku.ops.cli;

import java.util.function.Supplier;

/**
 * Reports a long run's progress on stderr: nothing for runs shorter than the first interval, then one line per
 * interval. Call {@link #tick()} from the loop; it costs a clock read.
 */
public final class Progress {

    private static final long INTERVAL_NANOS = 2_000_000_000L;

    private final Output output;
    private final Supplier<String> status;
    private long next = System.nanoTime() + INTERVAL_NANOS;

    public Progress(Output output, Supplier<String> status) {
        this.output = output;
        this.status = status;
    }

    public void tick() {
        long now = System.nanoTime();
        if (now >= next) {
            next = now + INTERVAL_NANOS;
            output.progress(status.get());
        }
    }
}
