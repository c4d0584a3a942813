package org.mailroom.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.testing.PostgresServer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes (child JVMs running what serve runs of delivery) on one PostgreSQL database, each through its own
 * relay: they share a campaign, one is killed with SIGKILL half-way, the other finishes; a scheduled campaign
 * fires on one node only.
 */
class ClusterIT {
    static final int RECIPIENTS = 20_000;
    static final int CONCURRENCY = 4;
    @RegisterExtension
    static final PostgresServer.PerClass pg = new PostgresServer.PerClass();

    /** Kept when a test fails: the node logs are in it. */
    @TempDir(cleanup = CleanupMode.ON_SUCCESS)
    Path dir;

    @Test
    void two_nodes_share_a_campaign_and_a_node_killed_half_way_loses_nobody_and_marks_only_its_in_flight_messages() throws Exception {
        String url = pg.createDatabase("shared");
        try (FakeSmtpServer relayA = new FakeSmtpServer(0, false); FakeSmtpServer relayB = new FakeSmtpServer(0, false)) {
            long campaign;
            try (Fixture f = fixture(url); Delivery d = f.delivery()) {
                f.subscribers(RECIPIENTS);
                campaign = f.create(d);
            }
            Process a = node("a", url, relayA);
            Process b = node("b", url, relayB);
            Fixture.await(() -> relayA.total() + relayB.total() >= RECIPIENTS / 2 || !a.isAlive(), 90_000, "half the campaign sent");
            assertThat(a.isAlive()).as("node a still sending when killed").isTrue();
            a.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            int byA = relayA.total();
            System.out.printf("node a killed after %d messages through its relay (%d through b's); node logs in %s%n", byA, relayB.total(), dir);
            try (Fixture f = fixture(url)) {
                Fixture.await(() -> "finished".equals(f.queryString("SELECT status FROM campaign WHERE id = " + campaign)), 90_000, "node b finishes");
                ClusterChild.stop(b);
                verify(f, campaign, relayA, relayB);
            }
            assertThat(byA).as("node a did part of the work").isGreaterThan(RECIPIENTS / 10);
            assertThat(relayB.total()).as("node b did part of the work").isGreaterThan(RECIPIENTS / 2 - byA);
        }
    }

    @Test
    void a_campaign_scheduled_while_two_nodes_run_fires_on_one_node_only() throws Exception {
        String url = pg.createDatabase("scheduled");
        try (FakeSmtpServer relayA = new FakeSmtpServer(0, false); FakeSmtpServer relayB = new FakeSmtpServer(0, false)) {
            try (Fixture f = fixture(url)) {
                f.subscribers(200);
            }
            Process a = node("a", url, relayA);
            Process b = node("b", url, relayB);
            ClusterChild.awaitReady(dir, "a");
            ClusterChild.awaitReady(dir, "b");
            try (Fixture f = fixture(url); Delivery d = f.delivery()) {
                long id = d.campaigns().create("issue-1.md", Fixture.ISSUE.getBytes(), Instant.now().plusSeconds(3));
                Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 60_000, "scheduled campaign finished");
                ClusterChild.stop(a);
                ClusterChild.stop(b);
                String logs = Files.readString(dir.resolve("node-a.log")) + Files.readString(dir.resolve("node-b.log"));
                assertThat(logs.split("quartz ran campaign-" + id + "\\b", -1)).as("job runs over both nodes").hasSize(2);
                assertThat(f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'started' AND campaign_id = " + id)).isEqualTo(1);
                Map<String, Integer> received = new HashMap<>();
                for (FakeSmtpServer r : new FakeSmtpServer[] {relayA, relayB})
                    r.received.forEach((k, v) -> received.merge(k, v.get(), Integer::sum));
                assertThat(received).hasSize(200).allSatisfy((r, n) -> assertThat(n).as(r).isEqualTo(1));
            }
        }
    }

    /** Every recipient sent, received at least once; more than once only if marked; marked only in-flight ones. */
    private void verify(Fixture f, long campaign, FakeSmtpServer relayA, FakeSmtpServer relayB) {
        Map<String, Boolean> marked = new HashMap<>();
        Map<String, String> states = new HashMap<>();
        f.db.withConnection(c -> {
            try (ResultSet rs = c.createStatement().executeQuery("SELECT s.email, d.possible_duplicate, d.state FROM delivery d "
                + "JOIN subscriber s ON s.id = d.subscriber_id WHERE d.campaign_id = " + campaign)) {
                while (rs.next()) {
                    marked.put(rs.getString(1), rs.getBoolean(2));
                    states.merge(rs.getString(3), "", (x, y) -> x);
                }
            }
            return null;
        });
        int lost = 0, duplicates = 0, unmarked = 0;
        long markedCount = marked.values().stream().filter(m -> m).count();
        for (var e : marked.entrySet()) {
            int n = count(relayA, e.getKey()) + count(relayB, e.getKey());
            if (n == 0) lost++;
            if (n > 1) duplicates++;
            if (n > 1 && !e.getValue()) unmarked++;
        }
        System.out.printf("recipients %d, received %d (a %d, b %d), duplicates %d (unmarked %d), marked %d, lost %d%n",
            marked.size(), relayA.total() + relayB.total(), relayA.total(), relayB.total(), duplicates, unmarked, markedCount, lost);
        assertThat(marked).hasSize(RECIPIENTS);
        assertThat(states.keySet()).containsExactly("sent");
        assertThat(lost).as("lost").isZero();
        assertThat(unmarked).as("unmarked duplicates").isZero();
        assertThat(markedCount).as("marked: at most the killed node's messages in flight").isLessThanOrEqualTo(CONCURRENCY * Worker.IN_FLIGHT);
    }

    private static int count(FakeSmtpServer relay, String email) {
        return relay.received.getOrDefault(email, new AtomicInteger()).get();
    }

    private Fixture fixture(String url) {
        return new Fixture(dir.resolve("test"), 1, Map.of("db.url", url, "db.username", "postgres"));
    }

    private Process node(String name, String url, FakeSmtpServer relay) throws Exception {
        return ClusterChild.launch(dir, name, url, "127.0.0.1:" + relay.port(), CONCURRENCY);
    }
}
