package org.mailroom.issue;

import org.mailroom.config.Config;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The whole render of one issue, in process and on one thread (a benchmark, not a test; bench/render/compare.sh
 * runs it). Usage: {@code RenderBench LABEL WARMUP_MS RUNS ISSUE.md}. After WARMUP_MS of CPU time, RUNS renders of
 * the file (read, Markdown, sanitize, theme, inline, text) each followed by the sample MIME message, as
 * {@code render} does; prints one JSON line: wall-clock median and p90, the thread's CPU time median, and the
 * median of each stage. It uses only the public API, so the same class times an older build's jar.
 */
public final class RenderBench {
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private RenderBench() {
    }

    public static void main(String[] args) {
        String label = args[0];
        long warmupMs = Long.parseLong(args[1]);
        int runs = Integer.parseInt(args[2]);
        Path file = Path.of(args[3]);
        Config config = Config.load(null, System.getenv());
        IssueRenderer renderer = new IssueRenderer(RenderSettings.from(config));
        SampleMessage sample = SampleMessage.from(config);
        long end = THREADS.getCurrentThreadCpuTime() + warmupMs * 1_000_000; // CPU time: a loaded machine gives less of it
        while (THREADS.getCurrentThreadCpuTime() < end) sample.eml(renderer.render(file).content());
        long[][] stages = new long[7][runs];  // wall, cpu, parse, html, inline, text, mime
        for (int i = 0; i < runs; i++) {
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            IssueRenderer.Rendered r = renderer.render(file);
            long t1 = System.nanoTime();
            sample.eml(r.content());
            long t2 = System.nanoTime();
            stages[0][i] = t2 - t0;
            stages[1][i] = THREADS.getCurrentThreadCpuTime() - c0;
            RenderTimings t = r.timings();
            stages[2][i] = t.parseNanos();
            stages[3][i] = t.htmlNanos();
            stages[4][i] = t.inlineNanos();
            stages[5][i] = t.textNanos();
            stages[6][i] = t2 - t1;
        }
        for (long[] s : stages) Arrays.sort(s);
        int n = runs;
        System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"tool\":\"%s\",\"median_us\":%.1f,\"p90_us\":%.1f,\"cpu_median_us\":%.1f,"
                + "\"parse_us\":%.1f,\"html_us\":%.1f,\"inline_us\":%.1f,\"text_us\":%.1f,\"mime_us\":%.1f}%n",
            file, label, stages[0][n / 2] / 1e3, stages[0][n * 9 / 10] / 1e3, stages[1][n / 2] / 1e3, stages[2][n / 2] / 1e3,
            stages[3][n / 2] / 1e3, stages[4][n / 2] / 1e3, stages[5][n / 2] / 1e3, stages[6][n / 2] / 1e3);
    }
}
