package org.mailroom.faults;

import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.FakeSmtpServer;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A restart while one campaign is scheduled and another paused: both keep their state, and later end as they should. */
final class RestartTrials {
    private RestartTrials() {}

    static Tally scheduledAndPaused(Path dir, int recipients) throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(0, false);
             Rig rig = new Rig(dir, null, smtp, Map.of("delivery.rate", "200"))) {
            rig.subscribers(recipients);
            rig.delivery.serve();
            long paused = rig.campaign(null);
            Rig.await(() -> smtp.total() >= recipients / 4, Duration.ofMinutes(2), "a quarter sent");
            rig.delivery.campaigns().pause(paused);
            // due well after the restart and the pause below, however slowly a loaded machine closes and opens the rig
            long scheduled = rig.campaign(Instant.now().plusSeconds(20));
            rig.close();
            int beforeRestart = smtp.total();
            rig.open();
            rig.delivery.serve();
            assertThat(rig.status(paused)).as("paused campaign after the restart").isEqualTo(CampaignStatus.PAUSED);
            assertThat(rig.status(scheduled)).as("scheduled campaign after the restart").isEqualTo(CampaignStatus.SCHEDULED);
            Thread.sleep(1500);
            assertThat(smtp.total()).as("nothing sent while paused and not yet due").isEqualTo(beforeRestart);
            rig.awaitStatus(scheduled, CampaignStatus.FINISHED, Duration.ofMinutes(5));
            assertThat(rig.status(paused)).isEqualTo(CampaignStatus.PAUSED);
            rig.delivery.campaigns().resume(paused);
            rig.awaitStatus(paused, CampaignStatus.FINISHED, Duration.ofMinutes(5));
            return twoCampaigns(smtp, recipients);
        }
    }

    /** Both campaigns go to the same readers: each reader should have exactly two messages, no more, no fewer. */
    private static Tally twoCampaigns(FakeSmtpServer smtp, int recipients) {
        int extra = 0, lost = 0;
        for (int i = 0; i < recipients; i++) {
            var n = smtp.received.get("user" + i + "@example.com");
            int got = n == null ? 0 : n.get();
            extra += Math.max(0, got - 2);
            lost += Math.max(0, 2 - got);
        }
        return new Tally("restart during a scheduled and a paused campaign", 2, 2 * recipients, smtp.total(), 0, 0, extra, lost);
    }
}
