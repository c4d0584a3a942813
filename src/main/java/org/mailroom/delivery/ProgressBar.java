package org.mailroom.delivery;

/**
 * One line of progress for a terminal: bar, counts, rate over the last interval and time left. The rate is
 * smoothed so that one slow interval does not swing the estimate.
 */
public final class ProgressBar {
    private static final int WIDTH = 30;
    private long lastDone = -1;
    private long lastNanos;
    private double rate;

    public String line(Progress p) {
        long now = System.nanoTime();
        long done = p.done();
        if (lastDone >= 0 && now > lastNanos) {
            double r = (done - lastDone) * 1e9 / (now - lastNanos);
            rate = rate == 0 ? r : rate * 0.7 + r * 0.3;
        }
        lastDone = done;
        lastNanos = now;
        long total = Math.max(p.audience(), done + p.pending());
        int filled = total == 0 ? WIDTH : (int) (WIDTH * done / total);
        String left = rate > 0.5 && p.pending() > 0 ? duration((long) (p.pending() / rate)) + " left" : "";
        return String.format("[%s%s] %3d%% %d/%d  sent %d  failed %d  deferred %d  %s  %.0f/s  %s",
            "#".repeat(filled), "-".repeat(WIDTH - filled), total == 0 ? 100 : done * 100 / total, done, total,
            p.sent(), p.failed(), p.deferred(), p.status().db(), rate, left);
    }

    static String duration(long seconds) {
        if (seconds < 60) return seconds + "s";
        if (seconds < 3600) return seconds / 60 + "m" + String.format("%02d", seconds % 60) + "s";
        return seconds / 3600 + "h" + String.format("%02d", seconds % 3600 / 60) + "m";
    }
}
