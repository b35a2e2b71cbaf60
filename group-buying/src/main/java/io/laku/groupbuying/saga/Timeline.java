package io.laku.groupbuying.saga;

import io.laku.platform.money.Rupiah;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * A session's saga as people read it: one entry per step with its time and outcome. Each refund is
 * recorded on its own (one per refund id, so none is counted twice); the timeline folds them into one
 * "refunds issued n/m" entry, where m is the number of refunds the outcome made due.
 */
public final class Timeline {

    public static final String REFUND_ISSUED = "refund_issued";
    public static final String REFUNDS_ISSUED = "refunds_issued";

    /** A recorded step; {@code amount} is the money it moved (refunds), 0 otherwise. */
    public record Step(String step, Instant at, String outcome, long amount) {
    }

    /** An entry of the timeline; {@code at} is null for a step still waiting (refunds not all issued). */
    public record Entry(String step, Instant at, String outcome) {
    }

    private Timeline() {
    }

    public static List<Entry> of(List<Step> recorded, Integer refundsExpected) {
        List<Entry> entries = new ArrayList<>();
        List<Step> refunds = new ArrayList<>();
        for (Step step : recorded) {
            if (REFUND_ISSUED.equals(step.step())) {
                refunds.add(step);
            } else {
                entries.add(new Entry(step.step(), step.at(), step.outcome()));
            }
        }
        int due = refundsExpected == null ? 0 : refundsExpected;
        if (due > 0 || !refunds.isEmpty()) {
            entries.add(refundsEntry(refunds, due));
        }
        // waiting entries (no time yet) go last; the rest in the order they happened
        entries.sort(Comparator.comparing(Entry::at, Comparator.nullsLast(Comparator.naturalOrder())));
        return List.copyOf(entries);
    }

    private static Entry refundsEntry(List<Step> refunds, int due) {
        long total = refunds.stream().mapToLong(Step::amount).sum();
        Instant last = refunds.stream().map(Step::at).max(Comparator.naturalOrder()).orElse(null);
        boolean complete = refunds.size() >= due;
        String outcome = refunds.size() + "/" + due + " refunds issued, " + Rupiah.format(total) + " in all";
        return new Entry(REFUNDS_ISSUED, complete ? last : null, outcome);
    }
}
