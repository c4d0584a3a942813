package org.mailroom.delivery;

import org.mailroom.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * bench/cluster/run.sh's driver: a throwaway PostgreSQL, N subscribers, then the given number of node JVMs
 * ({@link ClusterChild}) all sending to one SMTP port (Postfix's smtp-sink); times the campaign from its start to
 * its end. Not part of the test run. Arguments: port recipients nodes connections-per-node [issue-kilobytes].
 */
public final class ClusterBench {
    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        int n = Integer.parseInt(args[1]);
        int nodes = Integer.parseInt(args[2]);
        int connections = Integer.parseInt(args[3]);
        int kb = args.length > 4 ? Integer.parseInt(args[4]) : 38;
        Path dir = Files.createTempDirectory("mailroom-cluster-bench");
        try (PostgresServer pg = PostgresServer.start()) {
            String url = pg.createDatabase("bench");
            try (Fixture f = new Fixture(dir.resolve("bench"), port, Map.of("db.url", url, "db.username", "postgres"));
                 Delivery d = f.delivery()) {
                f.subscribers(n);
                List<Process> running = new ArrayList<>();
                for (int i = 0; i < nodes; i++) running.add(ClusterChild.launch(dir, "n" + i, url, "127.0.0.1:" + port, connections));
                for (int i = 0; i < nodes; i++) ClusterChild.awaitReady(dir, "n" + i);
                long t0 = System.nanoTime();
                long id = d.campaigns().create("bench.md", SendBench.issue(kb), null);
                Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 3_600_000, "finished");
                double s = (System.nanoTime() - t0) / 1e9;
                for (Process p : running) ClusterChild.stop(p);
                Progress p = d.campaigns().progress(id);
                System.out.printf("nodes=%d connections=%d sent=%d failed=%d seconds=%.2f rate=%.0f%n",
                    nodes, nodes * connections, p.sent(), p.failed(), s, p.sent() / s);
            }
        }
        System.exit(0);
    }
}
