package org.mailroom.issue.inline;

import com.helger.css.ECSSVersion;
import com.helger.css.reader.CSSReader;
import com.helger.css.reader.errorhandler.DoNothingCSSParseErrorHandler;
import com.sun.management.OperatingSystemMXBean;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The inliner's side of bench/inline/run.sh (a benchmark, not a test). Usage:
 * {@code InlineBench --sample ISSUE.md OUT.html} writes a sample page (the issue in the test theme);
 * {@code InlineBench --parsers WARMUP_MS RUNS FILE.css} compares CSS parsers;
 * {@code InlineBench WARMUP_MS RUNS FILE...} prints one JSON line per file and measurement:
 * "mailroom" is HTML text in, HTML text out, with the stylesheet cached (as in a campaign or a corpus run);
 * "mailroom-dom" is the inlining alone, on a parsed document; "jsoup-parse" and "jsoup-serialize" are
 * the rest of "mailroom"; "mailroom-cold" compiles the stylesheet every time (run last: the evaluators it
 * throws away leave jsoup's thread-local memos behind, which slows what runs after it).
 * Per document: wall-clock median and p90, the thread's CPU time (median; immune to other processes
 * taking the CPU), and the process's CPU time (mean; includes GC and JIT threads, ticks coarsely).
 */
public final class InlineBench {
    private static final OperatingSystemMXBean OS = (OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    private InlineBench() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("--sample")) {
            Files.writeString(Path.of(args[2]), NewsletterPage.fromIssue(Path.of(args[1])), StandardCharsets.UTF_8);
        } else if (args[0].equals("--parsers")) {
            compareParsers(Long.parseLong(args[1]), Integer.parseInt(args[2]), Path.of(args[3]));
        } else {
            long warmupMs = Long.parseLong(args[0]);
            int runs = Integer.parseInt(args[1]);
            for (String file : Arrays.copyOfRange(args, 2, args.length)) inlineFile(warmupMs, runs, Path.of(file));
        }
    }

    private static void inlineFile(long warmupMs, int runs, Path file) {
        String html = Golden.read(file);
        CssInliner shared = new CssInliner();
        measure(warmupMs, 1, () -> html, shared::inline); // the first measurement must not pay for the JIT's work
        print(file, html, "mailroom", measure(warmupMs, runs, () -> html, shared::inline));
        print(file, html, "mailroom-dom", measure(warmupMs, runs, () -> Jsoup.parse(html), shared::inline));
        print(file, html, "jsoup-parse", measure(warmupMs, runs, () -> html, Jsoup::parse));
        Document inlined = shared.inline(Jsoup.parse(html));
        print(file, html, "jsoup-serialize", measure(warmupMs, runs, () -> inlined, Document::outerHtml));
        print(file, html, "mailroom-cold", measure(warmupMs, runs, () -> html, h -> new CssInliner().inline(h)));
    }

    /** Why the inliner has its own CSS parser: its parse and compile against ph-css's parse alone, on one stylesheet. */
    private static void compareParsers(long warmupMs, int runs, Path file) {
        String css = Golden.read(file);
        print(file, css, "css-parse-mailroom", measure(warmupMs, runs, () -> css, CssParser::parse));
        print(file, css, "css-compile-mailroom", measure(warmupMs, runs, () -> css, CompiledSheet::compile));
        print(file, css, "css-parse-ph-css", measure(warmupMs, runs, () -> css,
            c -> CSSReader.readFromString(c, ECSSVersion.CSS30, new DoNothingCSSParseErrorHandler())));
    }

    /** Times {@code task} on fresh inputs from {@code input}, whose making is not timed, after {@code warmupMs} of CPU time. */
    private static <T> Result measure(long warmupMs, int runs, Supplier<T> input, Consumer<T> task) {
        long end = THREADS.getCurrentThreadCpuTime() + warmupMs * 1_000_000; // CPU time: a loaded machine gives less of it
        while (THREADS.getCurrentThreadCpuTime() < end) task.accept(input.get());
        long[] wall = new long[runs];
        long[] cpu = new long[runs];
        long processCpu = 0;
        for (int i = 0; i < runs; i++) {
            T in = input.get();
            long p0 = OS.getProcessCpuTime();
            long c0 = THREADS.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            task.accept(in);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = THREADS.getCurrentThreadCpuTime() - c0;
            processCpu += OS.getProcessCpuTime() - p0;
        }
        return new Result(wall, cpu, processCpu / runs);
    }

    private record Result(long[] wall, long[] cpu, long processCpuMean) {
    }

    private static void print(Path file, String input, String tool, Result r) {
        Arrays.sort(r.wall());
        Arrays.sort(r.cpu());
        int n = r.wall().length;
        System.out.printf(Locale.ROOT, "{\"file\":\"%s\",\"tool\":\"%s\",\"bytes\":%d,\"median_us\":%.1f,\"p90_us\":%.1f,"
                + "\"cpu_median_us\":%.1f,\"cpu_mean_us\":%.1f}%n", file, tool, input.getBytes(StandardCharsets.UTF_8).length,
            r.wall()[n / 2] / 1e3, r.wall()[n * 9 / 10] / 1e3, r.cpu()[n / 2] / 1e3, r.processCpuMean() / 1e3);
        System.out.flush();
    }
}
