package org.mailroom.delivery;

import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;
import org.quartz.listeners.JobListenerSupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One cluster node for {@link ClusterIT} and bench/cluster/run.sh: what {@code serve} runs of delivery (sender and
 * clustered Quartz) on the given PostgreSQL database, through the given relays, until its standard input closes.
 * Prints each Quartz job it runs, so a test can see that a schedule fired on one node only.
 * Arguments: data-dir db-url relays concurrency rate.
 */
public final class ClusterChild {
    public static void main(String[] args) throws Exception {
        Map<String, String> config = Map.of("db.url", args[1], "db.username", "postgres", "smtp.relays", args[2],
            "delivery.concurrency", args[3], "delivery.rate", args[4], "delivery.batch-size", "100");
        try (Fixture f = new Fixture(Path.of(args[0]), 1, config); Delivery d = f.delivery()) {
            d.serve();
            Scheduler quartz = SchedulerRepository.getInstance().lookup(QuartzScheduling.NAME);
            quartz.getListenerManager().addJobListener(new JobListenerSupport() {
                @Override
                public String getName() {
                    return "cluster-child";
                }

                @Override
                public void jobToBeExecuted(JobExecutionContext context) {
                    System.out.println("quartz ran " + context.getJobDetail().getKey().getName());
                }
            });
            System.out.println("node ready");
            while (System.in.read() >= 0) {
                // runs until the parent closes our standard input (or kills us)
            }
        }
        System.exit(0);
    }

    /** Starts a node in its own JVM; its output goes to {@code dir/node-NAME.log}. */
    static Process launch(Path dir, String name, String dbUrl, String relays, int concurrency) throws IOException {
        Path data = Files.createDirectories(dir.resolve(name));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            ClusterChild.class.getName(), data.toString(), dbUrl, relays, String.valueOf(concurrency), "0");
        pb.redirectErrorStream(true);
        pb.redirectOutput(dir.resolve("node-" + name + ".log").toFile());
        return pb.start();
    }

    static void awaitReady(Path dir, String name) throws InterruptedException {
        Path log = dir.resolve("node-" + name + ".log");
        Fixture.await(() -> {
            try {
                return Files.readString(log).contains("node ready");
            } catch (IOException e) {
                return false;
            }
        }, 60_000, "node " + name + " ready");
    }

    /** Closes the node's standard input: it stops as serve does on SIGTERM, giving back what it has not sent. */
    static void stop(Process p) throws InterruptedException {
        try {
            p.getOutputStream().close();
        } catch (IOException e) {
            // already gone
        }
        if (!p.waitFor(30, TimeUnit.SECONDS)) p.destroyForcibly();
    }
}
