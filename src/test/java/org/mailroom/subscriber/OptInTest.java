package org.mailroom.subscriber;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.config.Config;
import org.mailroom.db.Database;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The opt-in rules with time under the test's control: a real H2 store, emails collected instead of sent. */
class OptInTest {
    @TempDir
    Path dir;
    Database db;
    SubscriberStore store;
    OptIn optIn;
    final List<Mailer.OutgoingMail> sent = new ArrayList<>();
    final MovableClock clock = new MovableClock(Instant.parse("2026-01-05T10:00:00Z"));
    final Tokens tokens = new Tokens("opt-in test secret, long enough".getBytes(StandardCharsets.UTF_8));

    @BeforeEach
    void open() {
        db = Database.open(Config.of(Map.of("db.url", "jdbc:h2:file:" + dir.resolve("db").toAbsolutePath())));
        store = new SubscriberStore(db);
        OptIn.Settings settings = new OptIn.Settings(URI.create("https://news.example.org"), Duration.ofMinutes(5), 100, 100);
        optIn = new OptIn(store, tokens, sent::add, new ConfirmationEmail("Weekly"), settings, clock, Runnable::run);
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void a_pending_address_gets_the_email_again_only_once_the_resend_interval_has_passed() {
        subscribe("p@example.org");
        clock.advance(Duration.ofMinutes(4));
        subscribe("p@example.org");
        assertThat(sent).hasSize(1);
        clock.advance(Duration.ofMinutes(1));
        subscribe("p@example.org");
        assertThat(sent).hasSize(2);
        assertThat(sent.get(1).text()).isEqualTo(sent.get(0).text());
    }

    @Test
    void a_confirmed_reader_who_subscribes_again_gets_nothing() {
        subscribe("c@example.org");
        optIn.confirm(token(sent.get(0)), "192.0.2.1");
        clock.advance(Duration.ofHours(1));
        subscribe("c@example.org");
        assertThat(sent).hasSize(1);
        assertThat(store.findByEmail(EmailAddress.parse("c@example.org")).orElseThrow().confirmedIp()).isEqualTo("192.0.2.1");
    }

    @Test
    void someone_who_unsubscribed_gets_a_confirmation_when_they_subscribe_again_and_stays_out_until_they_confirm() {
        subscribe("u@example.org");
        Subscriber s = optIn.confirm(token(sent.get(0)), "192.0.2.1");
        optIn.unsubscribe(tokens.create(Tokens.Purpose.UNSUBSCRIBE, s.id(), 12), "link", "192.0.2.2");
        clock.advance(Duration.ofSeconds(30));
        subscribe("u@example.org");
        assertThat(sent).hasSize(2);
        Subscriber again = store.findById(s.id()).orElseThrow();
        assertThat(again.status()).isEqualTo(Status.PENDING);
        assertThat(again.leftCampaignId()).as("the earlier departure stays on record").isEqualTo(12L);
        assertThatThrownBy(() -> optIn.confirm(token(sent.get(0)), "x")).isInstanceOf(SubscriberException.class);
        assertThat(optIn.confirm(token(sent.get(1)), "x").status()).isEqualTo(Status.CONFIRMED);
    }

    /** The rules with confirmation links valid for {@code days}. */
    private OptIn expiring(int days) {
        OptIn.Settings settings = new OptIn.Settings(URI.create("https://news.example.org"), Duration.ofMinutes(5), 100, 100, Duration.ofDays(days));
        return new OptIn(store, tokens, sent::add, new ConfirmationEmail("Weekly"), settings, clock, Runnable::run);
    }

    @Test
    void a_confirmation_link_confirms_only_within_its_validity_and_asking_again_later_sends_a_new_one() {
        OptIn rules = expiring(7);
        rules.subscribe(new OptIn.Request("late@example.org", null, "192.0.2.1", "form"));
        clock.advance(Duration.ofDays(7).plusSeconds(1));
        assertThatThrownBy(() -> rules.confirm(token(sent.get(0)), "x")).isInstanceOf(SubscriberException.class).hasMessageContaining("expired");
        Subscriber s = store.findByEmail(EmailAddress.parse("late@example.org")).orElseThrow();
        assertThat(s.status()).as("still waiting, not confirmed by the old link").isEqualTo(Status.PENDING);

        rules.subscribe(new OptIn.Request("late@example.org", null, "192.0.2.9", "form"));
        assertThat(sent).hasSize(2);
        assertThat(token(sent.get(1))).as("a new link").isNotEqualTo(token(sent.get(0)));
        assertThatThrownBy(() -> rules.confirm(token(sent.get(0)), "x")).as("the old link stays dead").isInstanceOf(SubscriberException.class);
        assertThat(rules.confirm(token(sent.get(1)), "192.0.2.9").status()).isEqualTo(Status.CONFIRMED);
    }

    @Test
    void a_link_within_its_validity_confirms_and_a_confirmed_readers_old_link_still_says_so_later() {
        OptIn rules = expiring(7);
        rules.subscribe(new OptIn.Request("ok@example.org", null, "192.0.2.1", "form"));
        clock.advance(Duration.ofDays(6));
        assertThat(rules.confirm(token(sent.get(0)), "x").status()).isEqualTo(Status.CONFIRMED);
        clock.advance(Duration.ofDays(30));
        assertThat(rules.confirm(token(sent.get(0)), "x").status()).as("confirming twice is fine").isEqualTo(Status.CONFIRMED);
        rules.subscribe(new OptIn.Request("ok@example.org", null, "192.0.2.1", "form"));
        assertThat(sent).as("a confirmed reader gets nothing").hasSize(1);
    }

    @Test
    void the_email_names_the_newsletter_and_carries_a_confirm_link_under_the_base_url() {
        subscribe("n@example.org");
        Mailer.OutgoingMail mail = sent.get(0);
        assertThat(mail.to()).isEqualTo("n@example.org");
        assertThat(mail.subject()).isEqualTo("Confirm your subscription to Weekly");
        assertThat(mail.text()).contains("https://news.example.org/confirm/");
        assertThat(mail.html()).contains("href=\"https://news.example.org/confirm/");
    }

    private void subscribe(String email) {
        optIn.subscribe(new OptIn.Request(email, null, "192.0.2.1", "form"));
    }

    private static String token(Mailer.OutgoingMail mail) {
        return mail.text().replaceAll("(?s).*/confirm/([A-Za-z0-9_-]{43}).*", "$1");
    }

    static final class MovableClock extends Clock {
        private Instant now;

        MovableClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
