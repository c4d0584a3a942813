package org.mailroom.delivery;

import org.quartz.JobExecutionContext;
import org.quartz.Scheduler;
import org.quartz.impl.SchedulerRepository;
import org.quartz.listeners.JobListenerSupport;

import java.nio.file.Path;
import java.util.Map;

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
}
