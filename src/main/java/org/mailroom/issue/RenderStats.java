package org.mailroom.issue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Per-stage timings of many renders, summarized as median and p99 in milliseconds (render --timings). */
public final class RenderStats {
    private final List<long[]> rows = new ArrayList<>();
    private static final String[] STAGES = {"parse", "html", "inline", "text", "mime", "total"};

    /** Records one issue's stage times; {@code mimeNanos} is the sample message's build time. */
    public synchronized void add(RenderTimings t, long mimeNanos) {
        rows.add(new long[] {t.parseNanos(), t.htmlNanos(), t.inlineNanos(), t.textNanos(), mimeNanos, t.totalNanos() + mimeNanos});
    }

    public synchronized int count() {
        return rows.size();
    }

    /** One line per stage: {@code parse   median 0.412 ms   p99 1.830 ms}. */
    public synchronized String report() {
        StringBuilder b = new StringBuilder();
        b.append(String.format(Locale.ROOT, "%d renders timed%n", rows.size()));
        for (int s = 0; s < STAGES.length; s++) {
            long[] v = new long[rows.size()];
            for (int i = 0; i < v.length; i++) v[i] = rows.get(i)[s];
            java.util.Arrays.sort(v);
            b.append(String.format(Locale.ROOT, "%-7s median %8.3f ms   p99 %8.3f ms%n", STAGES[s], pct(v, 50) / 1e6, pct(v, 99) / 1e6));
        }
        return b.toString();
    }

    private static double pct(long[] sorted, int p) {
        if (sorted.length == 0) return 0;
        int i = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }
}
