package org.mailroom.cli;

import org.mailroom.config.Config;
import org.mailroom.issue.IssueException;
import org.mailroom.issue.IssueRenderer;
import org.mailroom.issue.RenderSettings;
import org.mailroom.issue.RenderStats;
import org.mailroom.issue.SampleMessage;
import org.mailroom.issue.Warning;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

@Command(name = "render", mixinStandardHelpOptions = true,
    description = {"Renders issues into DIR/email.html (CSS inlined), email.source.html, email.txt and email.eml.",
        "With several issues, each goes to DIR/<file name without extension>/. Warnings go to stderr as FILE:LINE: warning: ...;",
        "a file that fails is reported as FILE: what (line N), the others still render, and the exit code is 1."})
public final class RenderCommand implements Callable<Integer> {
    @Mixin
    Options options;

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "ISSUE.md", description = "Markdown issues with a Pelican header")
    List<Path> files;

    @Option(names = {"--out", "-o"}, required = true, paramLabel = "DIR", description = "Output folder")
    Path out;

    @Option(names = "--strict", description = "Treat lint warnings as errors: the file is not rendered")
    boolean strict;

    @Option(names = "--timings", description = "Print per-stage median and p99 times and the total wall time to stderr")
    boolean timings;

    @Option(names = "--repeat", hidden = true, defaultValue = "1",
        description = "Render everything N times; timings of the second half of the rounds, once the JIT has warmed up (benchmark)")
    int repeat;

    private static final int TIMEOUT_SECONDS = 30;

    /** What happened to one file, printed in argument order whatever thread rendered it. */
    private record Outcome(Path file, String subject, List<Warning> warnings, String error) {}

    @Override
    public Integer call() throws InterruptedException {
        Config config = options.config();
        IssueRenderer renderer = new IssueRenderer(RenderSettings.from(config));
        SampleMessage sample = SampleMessage.from(config);
        RenderStats stats = new RenderStats();
        List<Outcome> outcomes = null;
        int rounds = Math.max(1, repeat);
        for (int round = 0; round < rounds; round++) {
            if (round == rounds / 2) stats = new RenderStats();
            outcomes = renderAll(renderer, sample, stats);
        }
        return report(outcomes, stats);
    }

    private List<Outcome> renderAll(IssueRenderer renderer, SampleMessage sample, RenderStats stats) throws InterruptedException {
        int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
        // A big stack: the depth guard keeps parsers shallow, this is the margin for what it cannot see.
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(null, r, "render", 64L << 20);
            t.setDaemon(true);  // a render stuck past its deadline must not keep the JVM alive
            return t;
        });
        try {
            List<Future<Outcome>> futures = new ArrayList<>();
            for (Path f : files) futures.add(pool.submit(() -> renderOne(renderer, sample, stats, f)));
            List<Outcome> outcomes = new ArrayList<>();
            for (int i = 0; i < futures.size(); i++) outcomes.add(outcome(futures.get(i), files.get(i)));
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Waits for one file; a render still running after the deadline is abandoned (pathological input). */
    private static Outcome outcome(Future<Outcome> f, Path file) throws InterruptedException {
        try {
            return f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return new Outcome(file, null, List.of(), file + ": internal error: " + e.getCause());
        } catch (TimeoutException e) {
            f.cancel(true);
            return new Outcome(file, null, List.of(), file + ": took longer than " + TIMEOUT_SECONDS + " s to render: refused");
        }
    }

    private Outcome renderOne(IssueRenderer renderer, SampleMessage sample, RenderStats stats, Path file) {
        try {
            IssueRenderer.Rendered r = renderer.render(file);
            List<Warning> warnings = r.content().warnings();
            if (strict && !warnings.isEmpty())
                return new Outcome(file, null, warnings, file + ": " + warnings.size() + " warning(s) and --strict: not rendered");
            long t = System.nanoTime();
            byte[] eml = sample.eml(r.content());
            stats.add(r.timings(), System.nanoTime() - t);
            write(dirFor(file), r, eml);
            return new Outcome(file, r.content().subject(), warnings, null);
        } catch (IssueException e) {
            return new Outcome(file, null, List.of(), file + ": " + e.what() + (e.line() > 0 ? " (line " + e.line() + ")" : ""));
        } catch (org.mailroom.MailroomException e) {
            return new Outcome(file, null, List.of(), file + ": " + e.getMessage());
        } catch (IOException e) {
            return new Outcome(file, null, List.of(), file + ": cannot write output: " + e.getMessage());
        }
    }

    private Path dirFor(Path file) {
        if (files.size() == 1) return out;
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        return out.resolve(dot > 0 ? name.substring(0, dot) : name);
    }

    private static void write(Path dir, IssueRenderer.Rendered r, byte[] eml) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("email.html"), r.content().html(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("email.source.html"), r.content().sourceHtml(), StandardCharsets.UTF_8);
        Files.writeString(dir.resolve("email.txt"), r.content().text(), StandardCharsets.UTF_8);
        Files.write(dir.resolve("email.eml"), eml);
    }

    private int report(List<Outcome> outcomes, RenderStats stats) {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter stderr = spec.commandLine().getErr();
        int failed = 0;
        for (Outcome o : outcomes) {
            String kind = strict ? "error" : "warning";
            for (Warning w : o.warnings())
                stderr.println(o.file() + (w.line() > 0 ? ":" + w.line() : "") + ": " + kind + ": " + w.message());
            if (o.error() != null) { failed++; stderr.println(o.error()); }
            else stdout.println(outcomes.size() == 1 ? o.subject() : o.file().getFileName() + ": " + o.subject());
        }
        if (timings) {
            long wall = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
            stderr.print(stats.report());
            stderr.printf("wall    %d ms since JVM start (%d of %d files failed)%n", wall, failed, outcomes.size());
        }
        stdout.flush();
        stderr.flush();
        return failed == 0 ? 0 : 1;
    }
}
