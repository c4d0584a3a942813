package org.mailroom.cli;

import org.junit.jupiter.api.Test;
import org.mailroom.config.Config;
import org.mailroom.db.Database;
import org.mailroom.delivery.Delivery;
import org.mailroom.App;
import org.mailroom.subscriber.SecretFile;
import org.mailroom.subscriber.Tokens;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The operator's commands, run while a serve sends on the same H2 file. */
class CampaignsCommandTest extends SendCommandTestBase {
    @Test
    void campaigns_and_log_steer_and_follow_a_campaign_while_serve_runs_on_the_same_database() throws Exception {
        Config serveConfig = config().with("delivery.rate", "5"); // slow enough that the campaign is still sending when paused
        try (Database db = Database.open(serveConfig);
             Delivery serve = new Delivery(serveConfig, db, new Tokens(SecretFile.tokenSecret(serveConfig)), App.renderer(serveConfig),
                 org.mailroom.smtp.SmtpSettings.from(serveConfig), org.mailroom.delivery.ReturnPath.PerRecipient.OFF)) {
            serve.serve();
            Result sent = run("send", issue.toString(), "--config", configFile.toString());
            assertThat(sent.err()).doesNotContain("no serve is running");
            String id = sent.lastLine();
            await(() -> smtp.total() >= 3);
            Result paused = run("campaigns", "pause", id, "--config", configFile.toString());
            assertThat(paused.out()).as(paused.err()).contains("campaign " + id + " paused");
            assertThat(run("campaigns", "--config", configFile.toString()).out()).contains("paused");
            assertThat(run("campaigns", "pause", id, "--config", configFile.toString()).err()).contains("campaign " + id + " is paused: cannot pause");
            run("campaigns", "resume", id, "--config", configFile.toString());
            Result follow = run("send", issue.toString(), "--wait", "--config", configFile.toString());
            assertThat(follow.err()).doesNotContain("sending from here").contains("finished");
            await(() -> run("campaigns", "--config", configFile.toString()).out().lines().filter(l -> l.contains("finished")).count() == 2);
            // the 'finished' event is written just after the status: wait for it rather than race it
            await(() -> run("log", "--campaign", id, "--config", configFile.toString()).out().contains("\t-\tfinished"));
            Result log = run("log", "--campaign", id, "--config", configFile.toString());
            assertThat(log.out()).contains("\treader0@example.com\tsent\t250").contains("\t-\tpaused").contains("\t-\tfinished");
            assertThat(log.out().lines().filter(l -> l.contains("\tsent\t")).count()).isEqualTo(25);
        }
    }

    static void await(java.util.function.BooleanSupplier c) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        while (!c.getAsBoolean()) {
            if (System.currentTimeMillis() > end) throw new AssertionError("timed out");
            Thread.sleep(100);
        }
    }
}
