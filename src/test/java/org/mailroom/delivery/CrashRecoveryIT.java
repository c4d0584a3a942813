package org.mailroom.delivery;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * kill -9 at random moments of one campaign: at the end every recipient has the issue, and every duplicate is
 * among the deliveries marked possible_duplicate.
 */
public class CrashRecoveryIT {
    static final int RECIPIENTS = 3000;
    static final int KILLS = 6;

    /** What a kill trial found: every recipient's row sent, and how the messages received compare. */
    public record Outcome(int recipients, int delivered, int markedDuplicates, int unmarkedDuplicates, int lost) {}

    @TempDir
    Path dir;

    @Test
    void a_sender_killed_at_random_moments_loses_nobody_and_marks_every_duplicate() throws Exception {
        trial(dir, RECIPIENTS, KILLS, 400);
    }

    /** The soak runs the same trial larger (20 kills of 20,000 recipients); the assertions hold at any size. */
    public static Outcome trial(Path dir, int recipients, int kills, int rate) throws Exception {
        Random random = new Random();
        try (FakeSmtpServer smtp = new FakeSmtpServer(0, false)) {
            long campaign;
            try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
                f.subscribers(recipients);
                campaign = f.create(d);
            }
            for (int kill = 0; kill < kills; kill++) {
                Process p = child(dir, smtp.port(), campaign, kill, rate);
                int before = smtp.total();
                long until = System.currentTimeMillis() + 20_000;
                while (smtp.total() == before && p.isAlive() && System.currentTimeMillis() < until) Thread.sleep(20);
                Thread.sleep(100 + random.nextInt(900));
                assertThat(p.isAlive()).as("child %d still sending when killed", kill).isTrue();
                p.destroyForcibly();
                p.waitFor(10, TimeUnit.SECONDS);
                System.out.printf("kill %d after %d messages in total%n", kill + 1, smtp.total());
            }
            Process last = child(dir, smtp.port(), campaign, kills, rate);
            assertThat(last.waitFor(300, TimeUnit.SECONDS)).as("final run ends").isTrue();
            assertThat(last.exitValue()).isZero();
            return verify(dir, smtp, campaign, recipients);
        }
    }

    private static Outcome verify(Path dir, FakeSmtpServer smtp, long campaign, int recipients) {
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of())) {
            Map<String, Boolean> marked = new HashMap<>();
            f.db.withConnection(c -> {
                try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT s.email, d.possible_duplicate, d.state FROM delivery d JOIN subscriber s ON s.id = d.subscriber_id WHERE d.campaign_id = " + campaign)) {
                    while (rs.next()) {
                        marked.put(rs.getString(1), rs.getBoolean(2));
                        assertThat(rs.getString(3)).as(rs.getString(1)).isEqualTo("sent");
                    }
                }
                return null;
            });
            int lost = 0, duplicates = 0, unmarked = 0, markedCount = 0;
            for (var e : marked.entrySet()) {
                int n = smtp.received.getOrDefault(e.getKey(), new java.util.concurrent.atomic.AtomicInteger()).get();
                if (e.getValue()) markedCount++;
                if (n == 0) lost++;
                if (n > 1) {
                    duplicates++;
                    if (!e.getValue() && unmarked++ < 3) {
                        System.out.println("unmarked duplicate " + e.getKey() + " received " + n + " " + smtp.trace.get(e.getKey()));
                        f.db.withConnection(c -> {
                            try (ResultSet rs = c.createStatement().executeQuery("SELECT at, outcome, detail, possible_duplicate FROM delivery_event WHERE email = '" + e.getKey() + "' ORDER BY id")) {
                                while (rs.next()) System.out.println("  " + rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getBoolean(4));
                            }
                            return null;
                        });
                    }
                }
            }
            System.out.printf("recipients %d, delivered %d, duplicates %d (unmarked %d), marked possible duplicates %d, lost %d%n",
                marked.size(), smtp.total(), duplicates, unmarked, markedCount, lost);
            assertThat(marked).hasSize(recipients);
            assertThat(lost).as("lost").isZero();
            assertThat(unmarked).as("unmarked duplicates").isZero();
            assertThat(f.queryString("SELECT status FROM campaign WHERE id = " + campaign)).isEqualTo("finished");
            int delivered = (int) marked.keySet().stream().filter(smtp.received::containsKey).count();
            return new Outcome(marked.size(), delivered, duplicates - unmarked, unmarked, lost);
        }
    }

    private static Process child(Path dir, int port, long campaign, int run, int rate) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
            CrashChild.class.getName(), dir.toString(), String.valueOf(port), String.valueOf(campaign), String.valueOf(rate));
        pb.redirectErrorStream(true);
        pb.redirectOutput(new File(dir.toFile(), "child-" + run + ".log"));
        return pb.start();
    }
}
