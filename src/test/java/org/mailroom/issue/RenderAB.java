package org.mailroom.issue;

import java.lang.management.ManagementFactory;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

/**
 * Several builds of the renderer in one JVM, each in its own class loader, taking turns on the same issue (a
 * benchmark, not a test; bench/render/ab.sh runs it). Usage: {@code RenderAB ISSUE.md ROUNDS JAR...}. Each round
 * renders the issue 20 times with every jar, in an order that rotates; the first ROUNDS rounds warm up, the next
 * ROUNDS are timed. Prints per jar the thread's CPU time per render (median and quartiles of the rounds) and the
 * bytes allocated per render. Differences of a few percent show here that separate runs on a shared machine hide.
 * Uses only {@code Config}, {@code RenderSettings} and {@code IssueRenderer.render(Path)}, by reflection.
 */
public final class RenderAB {
    private static final int RENDERS_PER_TURN = 20;

    private RenderAB() {
    }

    public static void main(String[] args) throws Exception {
        Path issue = Path.of(args[0]);
        int rounds = Integer.parseInt(args[1]);
        String[] jars = Arrays.copyOfRange(args, 2, args.length);
        Object[] renderers = new Object[jars.length];
        Method[] render = new Method[jars.length];
        for (int j = 0; j < jars.length; j++) {
            ClassLoader loader = new URLClassLoader(new URL[] {Path.of(jars[j]).toUri().toURL()}, ClassLoader.getPlatformClassLoader());
            Class<?> config = loader.loadClass("org.mailroom.config.Config");
            Class<?> settings = loader.loadClass("org.mailroom.issue.RenderSettings");
            Class<?> renderer = loader.loadClass("org.mailroom.issue.IssueRenderer");
            Object c = config.getMethod("load", Path.class, Map.class).invoke(null, null, System.getenv());
            renderers[j] = renderer.getConstructor(settings).newInstance(settings.getMethod("from", config).invoke(null, c));
            render[j] = renderer.getMethod("render", Path.class);
        }
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long[][] cpu = new long[jars.length][rounds];
        long[][] allocated = new long[jars.length][rounds];
        for (int round = -rounds; round < rounds; round++) {
            for (int k = 0; k < jars.length; k++) {
                int j = Math.floorMod(round + k, jars.length);
                long c0 = threads.getCurrentThreadCpuTime();
                long a0 = threads.getCurrentThreadAllocatedBytes();
                for (int i = 0; i < RENDERS_PER_TURN; i++) render[j].invoke(renderers[j], issue);
                if (round < 0) continue;
                cpu[j][round] = (threads.getCurrentThreadCpuTime() - c0) / RENDERS_PER_TURN;
                allocated[j][round] = (threads.getCurrentThreadAllocatedBytes() - a0) / RENDERS_PER_TURN;
            }
        }
        for (int j = 0; j < jars.length; j++) {
            Arrays.sort(cpu[j]);
            Arrays.sort(allocated[j]);
            System.out.printf(Locale.ROOT, "%s: CPU per render %.3f ms (quartiles %.3f-%.3f), %,d KB allocated%n", jars[j],
                cpu[j][rounds / 2] / 1e6, cpu[j][rounds / 4] / 1e6, cpu[j][rounds * 3 / 4] / 1e6, allocated[j][rounds / 2] / 1024);
        }
    }
}
