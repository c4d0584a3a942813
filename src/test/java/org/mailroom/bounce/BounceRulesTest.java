package org.mailroom.bounce;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BounceRulesTest {
    private static final Instant T = Instant.parse("2026-11-25T12:00:00Z");

    @TempDir
    Path dir;

    private static Bounce bounce(Long id, String email, Long campaign, BounceType type) {
        return new Bounce(id, email, campaign, type, type == BounceType.SOFT ? "4.2.2" : "5.1.1", "test", BounceSource.WEBHOOK, T, null);
    }

    @Test
    void a_hard_bounce_marks_the_subscriber_bounced_at_once_and_records_why() {
        try (BounceFixture f = new BounceFixture(dir)) {
            BounceRecorder.Outcome o = f.rules.record(bounce(null, "ALICE@example.com", 42L, BounceType.HARD));
            assertThat(o).isEqualTo(new BounceRecorder.Outcome(1L, "bounced"));
            assertThat(f.status(1)).isEqualTo("bounced");
            assertThat(f.leftSource(1)).isEqualTo("bounce");
            assertThat(f.count("bounce")).isEqualTo(1);
        }
    }

    @Test
    void a_complaint_marks_the_subscriber_complained_even_after_a_bounce() {
        try (BounceFixture f = new BounceFixture(dir)) {
            f.rules.record(bounce(1L, null, 42L, BounceType.HARD));
            f.rules.record(bounce(1L, null, 42L, BounceType.COMPLAINT));
            assertThat(f.status(1)).isEqualTo("complained");
            assertThat(f.leftSource(1)).isEqualTo("complaint");
        }
    }

    @Test
    void an_unsubscribed_reader_stays_unsubscribed_but_the_bounce_is_recorded() {
        try (BounceFixture f = new BounceFixture(dir, false, BounceListener.NONE)) {
            f.insert(20, "gone@example.com", "unsubscribed");
            assertThat(f.rules.record(bounce(null, "gone@example.com", 1L, BounceType.HARD)).statusChanged()).isFalse();
            assertThat(f.rules.record(bounce(null, "gone@example.com", 1L, BounceType.COMPLAINT)).statusChanged()).isFalse();
            assertThat(f.status(20)).isEqualTo("unsubscribed");
            assertThat(f.count("bounce")).isEqualTo(2);
        }
    }

    @Test
    void soft_bounces_count_once_per_campaign_and_mark_bounced_at_the_threshold() {
        try (BounceFixture f = new BounceFixture(dir)) {
            f.rules.record(bounce(2L, null, 1L, BounceType.SOFT));
            f.rules.record(bounce(2L, null, 1L, BounceType.SOFT)); // the same campaign's delay then failure
            f.rules.record(bounce(2L, null, 2L, BounceType.SOFT));
            assertThat(f.bounceCount(2)).isEqualTo(2);
            assertThat(f.status(2)).isEqualTo("confirmed");
            BounceRecorder.Outcome third = f.rules.record(bounce(2L, null, 3L, BounceType.SOFT));
            assertThat(third.newStatus()).isEqualTo("bounced");
            assertThat(f.status(2)).isEqualTo("bounced");
        }
    }

    @Test
    void a_bounce_for_an_address_not_on_the_list_is_recorded_without_a_subscriber() {
        try (BounceFixture f = new BounceFixture(dir)) {
            assertThat(f.rules.record(bounce(null, "stranger@example.com", null, BounceType.HARD))).isEqualTo(new BounceRecorder.Outcome(null, null));
            assertThat(f.count("bounce")).isEqualTo(1);
        }
    }

    @Test
    void the_listener_sees_each_bounce_in_the_same_transaction_and_its_failure_undoes_it() {
        List<String> seen = new ArrayList<>();
        try (BounceFixture f = new BounceFixture(dir, true, (c, b, o) -> {
            seen.add(b.email() + " " + o.newStatus());
            if (b.type() == BounceType.COMPLAINT) throw new java.sql.SQLException("delivery log is down");
        })) {
            f.rules.record(bounce(1L, null, 42L, BounceType.HARD));
            assertThat(seen).containsExactly("alice@example.com bounced");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> f.rules.record(bounce(3L, null, 42L, BounceType.COMPLAINT)));
            assertThat(f.status(3)).isEqualTo("confirmed");
            assertThat(f.count("bounce")).isEqualTo(1);
        }
    }

    @Test
    void rates_per_campaign_flag_complaints_from_one_in_a_thousand() {
        try (BounceFixture f = new BounceFixture(dir)) {
            f.rules.record(bounce(1L, null, 42L, BounceType.HARD));
            f.rules.record(bounce(1L, null, 42L, BounceType.HARD)); // the same report twice counts once
            f.rules.record(bounce(6L, null, 42L, BounceType.COMPLAINT));
            f.rules.record(bounce(2L, null, 43L, BounceType.SOFT));
            List<BounceRates.CampaignRate> rates = new BounceRates(f.store, id -> id == 42 ? 1000 : 10_000).perCampaign();
            assertThat(rates).extracting(BounceRates.CampaignRate::campaignId).containsExactly(43L, 42L);
            BounceRates.CampaignRate c42 = rates.get(1);
            assertThat(c42.hard()).isEqualTo(1);
            assertThat(c42.complaints()).isEqualTo(1);
            assertThat(c42.complaintRate()).isEqualTo(0.001);
            assertThat(c42.complaintLevel()).isEqualTo(BounceRates.Level.WARNING);
            assertThat(rates.get(0).complaintLevel()).isEqualTo(BounceRates.Level.OK);
            assertThat(BounceRates.level(0.003)).isEqualTo(BounceRates.Level.CRITICAL);
            assertThat(f.store.countsByType()).containsEntry(BounceType.HARD, 2L).containsEntry(BounceType.COMPLAINT, 1L);
        }
    }
}
