package org.mailroom.faults;

import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.FakeSmtpServer;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The relay going away and the relay refusing some recipients, each over one campaign. Every trial checks its own
 * promises and returns its {@link Tally}; the suite runs them small, the soak large.
 */
final class OutageTrials {
    private OutageTrials() {}

    /** The relay goes away mid-campaign for {@code away}, then comes back: the campaign waits and resumes, nobody fails. */
    static Tally relayAway(Path dir, int recipients, Duration away, int rate) throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(0, false);
             Rig rig = new Rig(dir, null, smtp, Map.of("delivery.rate", String.valueOf(rate)))) {
            rig.subscribers(recipients);
            long id = rig.campaign(null);
            rig.delivery.sendHere();
            Rig.await(() -> smtp.total() >= recipients / 4, Duration.ofMinutes(5), "a quarter sent");
            smtp.down();
            Thread.sleep(away.toMillis());
            assertThat(rig.status(id)).as("campaign while the relay is away").isEqualTo(CampaignStatus.SENDING);
            assertThat(rig.count("SELECT COUNT(*) FROM delivery WHERE state = 'failed'")).as("failed for the outage").isZero();
            smtp.up();
            rig.awaitStatus(id, CampaignStatus.FINISHED, Duration.ofMinutes(10));
            assertThat(rig.count("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'relay-down'")).isPositive();
            assertThat(rig.count("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'relay-up'")).isPositive();
            Tally t = rig.tally(id, "relay away " + away.toSeconds() + " s mid-campaign", 1);
            assertThat(t.failed()).as("failed").isZero();
            return t;
        }
    }

    /** The relay takes a message and the line drops before its 250: the retry goes out marked a possible duplicate. */
    static Tally lostAnswer(Path dir, int recipients) throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(0, false); Rig rig = new Rig(dir, null, smtp, Map.of())) {
            smtp.policy((rcpt, attempt) -> rcpt.equals("user7@example.com") && attempt == 1 ? FakeSmtpServer.DROP_AFTER_DATA : null);
            rig.subscribers(recipients);
            long id = rig.campaign(null);
            rig.delivery.sendHere();
            rig.awaitStatus(id, CampaignStatus.FINISHED, Duration.ofMinutes(2));
            assertThat(smtp.received.get("user7@example.com").get()).as("messages to user7").isEqualTo(2);
            assertThat(rig.count("SELECT COUNT(*) FROM delivery_event WHERE email = 'user7@example.com' AND outcome = 'sent' AND possible_duplicate")).isEqualTo(1);
            return rig.tally(id, "answer lost after the message", 1);
        }
    }

    /**
     * The relay answers 451 to about 10% of recipients (first attempt) and 550 to about 1% (always): the deferred
     * are sent later, the failed are recorded with the reply, and sent plus failed is the audience.
     */
    static Tally refusals(Path dir, int recipients) throws Exception {
        try (FakeSmtpServer smtp = new FakeSmtpServer(0, false);
             Rig rig = new Rig(dir, null, smtp, Map.of("delivery.bounce-threshold", "100"))) {
            smtp.policy((rcpt, attempt) -> {
                int bucket = Math.floorMod(rcpt.hashCode() * 31 + 7, 100);
                if (bucket == 0) return "550 5.1.1 <" + rcpt + ">: no such user";
                if (bucket <= 10 && attempt == 1) return "451 4.3.0 try again later";
                return null;
            });
            rig.subscribers(recipients);
            long id = rig.campaign(null);
            rig.delivery.sendHere();
            rig.awaitStatus(id, CampaignStatus.FINISHED, Duration.ofMinutes(10));
            long sent = rig.count("SELECT COUNT(*) FROM delivery WHERE campaign_id = " + id + " AND state = 'sent'");
            long failed = rig.count("SELECT COUNT(*) FROM delivery WHERE campaign_id = " + id + " AND state = 'failed' AND smtp_reply LIKE '550 5.1.1%no such user'");
            long deferredThenSent = rig.count("SELECT COUNT(*) FROM delivery WHERE campaign_id = " + id + " AND state = 'sent' AND attempts = 2");
            assertThat(sent + failed).as("sent + failed with the reply").isEqualTo(recipients);
            assertThat(failed).as("failed").isBetween(recipients / 200L, recipients / 50L + 2);
            assertThat(deferredThenSent).as("deferred, then sent").isBetween(recipients / 20L, recipients / 5L);
            return rig.tally(id, "relay answers 4xx to 10%, 5xx to 1%", 1);
        }
    }
}
