package org.mailroom.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CampaignControlTest {
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
    void a_paused_campaign_stops_sending_and_resume_continues_where_it_stopped() throws Exception {
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of("delivery.rate", "400")); Delivery d = f.delivery()) {
            f.subscribers(1000);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> smtp.total() >= 100, 60_000, "first messages");
            d.campaigns().pause(id);
            int atPause = settled(f, d, id);
            Thread.sleep(700);
            assertThat(smtp.total()).isEqualTo(atPause).isLessThan(1000);
            Progress p = d.campaigns().progress(id);
            assertThat(p.status()).isEqualTo(CampaignStatus.PAUSED);
            assertThat(p.sent()).isEqualTo(atPause);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery WHERE state = 'sending'")).isZero();
            d.campaigns().resume(id);
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            assertThat(smtp.received).hasSize(1000).allSatisfy((r, n) -> assertThat(n.get()).as(r).isEqualTo(1));
        }
    }

    @Test
    void a_cancelled_campaign_sends_nothing_more_and_counts_add_up() throws Exception {
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of("delivery.rate", "300")); Delivery d = f.delivery()) {
            f.subscribers(800);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> smtp.total() >= 50, 60_000, "first messages");
            d.campaigns().cancel(id);
            int atCancel = settled(f, d, id);
            Thread.sleep(600);
            assertThat(smtp.total()).isEqualTo(atCancel).isLessThan(800);
            Progress p = d.campaigns().progress(id);
            assertThat(p.status()).isEqualTo(CampaignStatus.CANCELLED);
            assertThat(p.pending()).isZero();
            assertThat(p.sent()).isEqualTo(atCancel);
            assertThat(p.sent() + p.cancelled()).isEqualTo(800);
            assertThatThrownBy(() -> d.campaigns().resume(id)).isInstanceOf(DeliveryException.class).hasMessageContaining("campaign " + id + " is cancelled");
        }
    }

    /**
     * Waits until the senders have let go of a paused or cancelled campaign and returns what the relay received: no
     * row in flight, every message received recorded as sent, and nothing new for a second (a sender can claim once
     * more before it sees the new status, at most a quarter of a second later, however loaded the machine is).
     */
    private int settled(Fixture f, Delivery d, long id) throws InterruptedException {
        long end = System.currentTimeMillis() + 60_000;
        int last = -1;
        long quietSince = 0;
        while (true) {
            int now = smtp.total();
            boolean still = now == last && f.queryLong("SELECT COUNT(*) FROM delivery WHERE state = 'sending'") == 0
                && d.campaigns().progress(id).sent() == now;
            if (!still) {
                last = now;
                quietSince = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - quietSince >= 1000) {
                return now;
            }
            if (System.currentTimeMillis() > end)
                throw new AssertionError("campaign " + id + " did not settle within 60 s: " + now + " received, " + d.campaigns().progress(id));
            Thread.sleep(50);
        }
    }

    @Test
    void a_reader_who_unsubscribes_mid_campaign_is_skipped() throws Exception {
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of("delivery.rate", "300")); Delivery d = f.delivery()) {
            f.subscribers(600);
            long id = f.create(d);
            d.sendHere();
            Fixture.await(() -> smtp.total() >= 30, 60_000, "first messages");
            f.db.withConnection(c -> c.createStatement().executeUpdate(
                "UPDATE subscriber SET status = 'unsubscribed' WHERE id > 500"));
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            Progress p = d.campaigns().progress(id);
            assertThat(p.skipped()).isEqualTo(100);
            assertThat(p.sent()).isEqualTo(500);
            assertThat(smtp.received).hasSize(500).doesNotContainKey("user550@example.com");
        }
    }

    @Test
    void the_audience_is_fixed_when_the_campaign_starts() throws Exception {
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
            f.subscribers(5);
            f.setStatus("user4@example.com", "pending");
            long id = f.create(d);
            f.db.withConnection(c -> c.createStatement().executeUpdate(
                "INSERT INTO subscriber (email, email_key, status, created_at, updated_at) VALUES ('late@x.org', 'late@x.org', 'confirmed', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)"));
            d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
            assertThat(d.campaigns().get(id).audience()).isEqualTo(4);
            assertThat(smtp.received.keySet()).containsExactlyInAnyOrder("user0@example.com", "user1@example.com", "user2@example.com", "user3@example.com");
        }
    }

    @Test
    void a_scheduled_campaign_fires_after_a_restart() throws Exception {
        long id;
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
            f.subscribers(20);
            // due after the restart below, however slowly a loaded machine closes and opens the database
            id = d.campaigns().create("issue-2.md", Fixture.ISSUE.getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(10));
            assertThat(d.campaigns().get(id).status()).isEqualTo(CampaignStatus.SCHEDULED);
        }
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
            d.serve();
            assertThat(d.campaigns().get(id).status()).isEqualTo(CampaignStatus.SCHEDULED);
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "fired and finished");
            assertThat(smtp.received).hasSize(20);
            assertThat(f.queryLong("SELECT COUNT(*) FROM delivery_event WHERE outcome = 'late'")).isZero();
        }
    }

    @Test
    void a_campaign_whose_time_passed_while_the_service_was_down_starts_at_once_and_is_logged_late() throws Exception {
        long id;
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
            f.subscribers(10);
            id = d.campaigns().create("issue-3.md", Fixture.ISSUE.getBytes(StandardCharsets.UTF_8), Instant.now().plusMillis(500));
        }
        Thread.sleep(CampaignService.LATE_AFTER.toMillis() + 1500);
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
            long t0 = System.currentTimeMillis();
            d.serve();
            Fixture.await(() -> d.campaigns().get(id).status() != CampaignStatus.SCHEDULED, 5_000, "started");
            assertThat(System.currentTimeMillis() - t0).isLessThan(4000);
            // the event is written just after the status changes: wait for it rather than race it
            String late = "SELECT detail FROM delivery_event WHERE outcome = 'late' AND campaign_id = " + id;
            Fixture.await(() -> f.queryString(late) != null, 60_000, "the late event");
            assertThat(f.queryString(late)).contains("late");
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 120_000, "finished");
        }
    }

    @Test
    void cancelling_a_scheduled_campaign_removes_its_schedule() throws Exception {
        try (Fixture f = new Fixture(dir, smtp.port(), Map.of()); Delivery d = f.delivery()) {
            f.subscribers(3);
            long id = d.campaigns().create("issue-4.md", Fixture.ISSUE.getBytes(StandardCharsets.UTF_8), Instant.now().plusSeconds(1));
            d.campaigns().cancel(id);
            d.serve();
            Thread.sleep(2000);
            assertThat(d.campaigns().get(id).status()).isEqualTo(CampaignStatus.CANCELLED);
            assertThat(smtp.total()).isZero();
            assertThat(f.queryLong("SELECT COUNT(*) FROM QRTZ_TRIGGERS")).isZero();
        }
    }
}
