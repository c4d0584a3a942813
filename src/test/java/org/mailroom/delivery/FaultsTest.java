package org.mailroom.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FaultsTest {
    @TempDir
    Path dir;
    FakeSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new FakeSmtpServer(0, false);
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
    }

    @Test
    void temporary_refusals_and_dropped_connections_are_deferred_then_sent() throws Exception {
        refusalsAndDrops();
    }

    @Test
    void the_same_with_a_relay_that_does_not_pipeline() throws Exception {
        smtp.pipelining = false;
        refusalsAndDrops();
    }

    private void refusalsAndDrops() throws Exception {
        smtp.policy((rcpt, attempt) -> {
            if ((rcpt.equals("user1@example.com") || rcpt.equals("user2@example.com")) && attempt == 1) return "451 4.3.0 try again later";
            if (rcpt.equals("user3@example.com") && attempt <= 2) return FakeSmtpServer.DROP;
            return null;
        });
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
            f.subscribers(50);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            assertThat(d.campaigns().progress(id).sent()).isEqualTo(50);
            assertThat(smtp.received).hasSize(50).allSatisfy((r, n) -> assertThat(n.get()).as(r).isEqualTo(1));
            long u1 = f.subscriberId("user1@example.com");
            assertThat(f.queryLong("SELECT attempts FROM delivery WHERE subscriber_id = " + u1)).isEqualTo(2);
            assertThat(f.queryLong("SELECT attempts FROM delivery WHERE subscriber_id = " + f.subscriberId("user3@example.com"))).isEqualTo(3);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'deferred' AND email = 'user1@example.com' AND detail LIKE '451%'")).isEqualTo(1);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'deferred' AND email = 'user3@example.com' AND detail LIKE 'connection dropped%'")).isEqualTo(2);
        }
    }

    @Test
    void a_permanent_refusal_fails_the_recipient_with_the_reply_and_bounces_the_subscriber_at_the_threshold() throws Exception {
        smtp.policy((rcpt, attempt) -> rcpt.equals("user5@example.com") || rcpt.equals("user6@example.com") ? "550 5.1.1 <" + rcpt + ">: no such user" : null);
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of("delivery.bounce-threshold", "1")); Delivery d = f.delivery()) {
            f.subscribers(20);
            f.db.withConnection(c -> c.createStatement().executeUpdate("UPDATE subscriber SET bounce_count = 0"));
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            Progress p = d.campaigns().progress(id);
            assertThat(p.sent()).isEqualTo(18);
            assertThat(p.failed()).isEqualTo(2);
            long u5 = f.subscriberId("user5@example.com");
            assertThat(f.queryString("SELECT state FROM delivery WHERE subscriber_id = " + u5)).isEqualTo("failed");
            assertThat(f.queryString("SELECT smtp_reply FROM delivery WHERE subscriber_id = " + u5)).contains("550 5.1.1").contains("no such user");
            assertThat(f.queryLong("SELECT attempts FROM delivery WHERE subscriber_id = " + u5)).isEqualTo(1);
            assertThat(f.subscriberStatus("user5@example.com")).isEqualTo("bounced");
            assertThat(f.subscriberStatus("user7@example.com")).isEqualTo("confirmed");
        }
    }

    @Test
    void below_the_bounce_threshold_a_failed_subscriber_stays_confirmed() throws Exception {
        smtp.policy((rcpt, attempt) -> rcpt.equals("user5@example.com") ? "554 5.7.1 rejected" : null);
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of("delivery.bounce-threshold", "2")); Delivery d = f.delivery()) {
            f.subscribers(10);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            assertThat(f.subscriberStatus("user5@example.com")).isEqualTo("confirmed");
            assertThat(f.queryLong("SELECT bounce_count FROM subscriber WHERE email_key = 'user5@example.com'")).isEqualTo(1);
        }
    }

    @Test
    void when_the_relay_is_down_the_campaign_waits_and_resumes_and_nobody_fails_for_it() throws Exception {
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of("delivery.rate", "150")); Delivery d = f.delivery()) {
            f.subscribers(400);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> smtp.total() >= 100, 60_000, "first messages");
            long outageStart = System.nanoTime();
            smtp.down(); // returns once every session is cut: nothing more arrives until up()
            int duringOutage = smtp.total();
            Fixture.await(() -> f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'relay-down'") >= 1, 60_000,
                "the campaign sees the relay down");
            // the relay stays away at least 3 s: the senders meet it refusing more than once while the campaign waits
            Thread.sleep(Math.max(0, 3000 - (System.nanoTime() - outageStart) / 1_000_000));
            assertThat(smtp.total()).isEqualTo(duringOutage);
            assertThat(d.campaigns().get(id).status()).isEqualTo(CampaignStatus.SENDING);
            assertThat(d.campaigns().progress(id).failed()).as("failed for the outage").isZero();
            smtp.up();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            Progress p = d.campaigns().progress(id);
            assertThat(p.failed()).isZero();
            assertThat(p.sent()).isEqualTo(400);
            assertThat(smtp.received).hasSize(400);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'relay-down'")).isGreaterThanOrEqualTo(1);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'relay-up'")).isGreaterThanOrEqualTo(1);
            assertThat(f.queryLong("SELECT MAX(attempts) FROM delivery")).isLessThanOrEqualTo(2);
        }
    }
}
