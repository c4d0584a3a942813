package org.mailroom.cli;

import org.junit.jupiter.api.Test;
import org.mailroom.Main;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class LogCommandTest extends SendCommandTestBase {
    @Test
    void log_follow_prints_lines_as_the_campaign_goes_and_log_filters_by_campaign() throws Exception {
        StringWriter followed = new StringWriter();
        Thread follower = new Thread(() -> {
            var cl = Main.commandLine();
            cl.setOut(new PrintWriter(followed, true));
            cl.setErr(new PrintWriter(new StringWriter()));
            cl.execute("log", "--follow", "--config", configFile.toString());
        });
        follower.start();
        try {
            Result r = run("send", issue.toString(), "--wait", "--config", configFile.toString());
            assertThat(r.exit()).isZero();
            CampaignsCommandTest.await(() -> followed.toString().contains("\tfinished\t"));
        } finally {
            follower.interrupt();
            follower.join(5000);
        }
        assertThat(followed.toString()).contains("\tcampaign 1\t-\tstarted\t25 recipients").contains("\treader24@example.com\tsent\t250");
        assertThat(run("log", "--campaign", "2", "--config", configFile.toString()).err()).contains("campaign 2: no such campaign");
        assertThat(run("log", "--campaign", "1", "--config", configFile.toString()).out().lines().count()).isEqualTo(27);
    }
}
