package org.mailroom.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailroom.config.Config;
import org.mailroom.smtp.SmtpSettings;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Both SMTP clients send each message with its own MAIL FROM, over one kept-open connection. */
class EnvelopeSenderTest {
    private static final byte[] MESSAGE = "Subject: hello\r\n\r\nHello.\r\n".getBytes(StandardCharsets.US_ASCII);
    private FakeSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new FakeSmtpServer(0, false);
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
    }

    private SmtpSettings settings() {
        return SmtpSettings.from(Config.of(Map.of("smtp.host", "127.0.0.1", "smtp.port", String.valueOf(smtp.port()), "smtp.timeout-seconds", "5")));
    }

    private static Envelope envelope(int i) {
        return new Envelope("bounces+reader" + i + "@example.org", "reader" + i + "@example.com");
    }

    /** Sends five messages the way a sender thread does: each one's envelope announced while the previous one goes out. */
    private void sendFive(Mailer mailer) throws Exception {
        try (Mailer.Connection c = mailer.connect()) {
            for (int i = 0; i < 5; i++) {
                c.next(i + 1 < 5 ? envelope(i + 1) : null);
                assertThat(c.send(envelope(i), MESSAGE).accepted()).as("message %d", i).isTrue();
            }
        }
        for (int i = 0; i < 5; i++) assertThat(smtp.senders.get("reader" + i + "@example.com")).as("reader %d", i).containsExactly("bounces+reader" + i + "@example.org");
    }

    @Test
    void direct_smtp_sends_each_message_with_its_own_sender_also_when_its_envelope_went_ahead_pipelined() throws Exception {
        sendFive(new DirectSmtp(settings()));
        assertThat(smtp.connections.get()).isEqualTo(1);
    }

    @Test
    void direct_smtp_sends_each_message_with_its_own_sender_to_a_relay_that_does_not_pipeline() throws Exception {
        smtp.pipelining = false;
        sendFive(new DirectSmtp(settings()));
    }

    @Test
    void angus_mail_sends_each_message_with_its_own_sender() throws Exception {
        sendFive(new AngusMailer(settings()));
        assertThat(smtp.connections.get()).isEqualTo(1);
    }

    @Test
    void an_envelope_sent_ahead_with_another_sender_is_abandoned_unsent_not_used_for_the_next_message() throws Exception {
        try (Mailer.Connection c = new DirectSmtp(settings()).connect()) {
            c.next(new Envelope("bounces+first@example.org", "reader1@example.com"));
            assertThat(c.send(envelope(0), MESSAGE).accepted()).isTrue();
            SmtpReply r = c.send(new Envelope("bounces+second@example.org", "reader1@example.com"), MESSAGE);
            assertThat(r.code()).isEqualTo(-1);
            assertThat(r.text()).contains("bounces+first@example.org").contains("bounces+second@example.org");
            assertThat(c.isOpen()).isFalse();
        }
        assertThat(smtp.senders.get("reader1@example.com")).as("nothing delivered with either sender").isNull();
        assertThat(smtp.senders.get("reader0@example.com")).isEqualTo(List.of("bounces+reader0@example.org"));
    }

    @Test
    void a_line_break_in_the_sender_is_refused_before_anything_is_written() throws Exception {
        try (Mailer.Connection c = new DirectSmtp(settings()).connect()) {
            SmtpReply r = c.send(new Envelope("bounces@example.org>\r\nRCPT TO:<victim@example.net", "reader0@example.com"), MESSAGE);
            assertThat(r.code()).isEqualTo(553);
            assertThat(c.send(envelope(0), MESSAGE).accepted()).as("the connection is still good").isTrue();
        }
        assertThat(smtp.senders).containsOnlyKeys("reader0@example.com");
    }
}
