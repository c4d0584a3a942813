package org.mailroom.smtp;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.mailroom.subscriber.Mailer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TransportMailerTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort())
        .withConfiguration(GreenMailConfiguration.aConfig().withUser("relay-user", "relay-pass"));

    private SmtpSettings settings(String user, String password, SmtpSettings.Tls tls) {
        return new SmtpSettings("127.0.0.1", greenMail.getSmtp().getPort(), user, password, tls, 5000, "mailroom.test");
    }

    @Test
    void sends_a_multipart_message_with_auth() throws Exception {
        new TransportMailer(settings("relay-user", "relay-pass", SmtpSettings.Tls.OFF), "Weekly <news@example.org>")
            .send(new Mailer.OutgoingMail("reader@example.org", "Réader", "Subject ✓", "plain", "<p>html</p>"));
        assertThat(greenMail.waitForIncomingEmail(60_000, 1)).isTrue();
        MimeMessage m = greenMail.getReceivedMessages()[0];
        assertThat(m.getSubject()).isEqualTo("Subject ✓");
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        assertThat(m.getFrom()[0].toString()).isEqualTo("Weekly <news@example.org>");
    }

    @Test
    void a_wrong_password_is_an_error_that_does_not_show_the_password() {
        TransportMailer mailer = new TransportMailer(settings("relay-user", "wrong-secret-pw", SmtpSettings.Tls.OFF), "news@example.org");
        assertThatThrownBy(() -> mailer.send(new Mailer.OutgoingMail("r@example.org", null, "s", "t", "h")))
            .isInstanceOf(SmtpException.class).hasMessageContaining("127.0.0.1").hasMessageNotContaining("wrong-secret-pw");
    }

    @Test
    void required_starttls_fails_against_a_server_without_it() {
        TransportMailer mailer = new TransportMailer(settings("", "", SmtpSettings.Tls.REQUIRED), "news@example.org");
        assertThatThrownBy(() -> mailer.send(new Mailer.OutgoingMail("r@example.org", null, "s", "t", "h")))
            .isInstanceOf(SmtpException.class).hasMessageContaining("STARTTLS");
    }

    @Test
    void line_breaks_in_header_values_are_refused() {
        TransportMailer mailer = new TransportMailer(settings("", "", SmtpSettings.Tls.OFF), "news@example.org");
        assertThatThrownBy(() -> mailer.send(new Mailer.OutgoingMail("r@example.org", "Ann\r\nBcc: x@evil.example", "s", "t", "h")))
            .isInstanceOf(SmtpException.class).hasMessageContaining("line break");
        assertThatThrownBy(() -> mailer.send(new Mailer.OutgoingMail("r@example.org", null, "s\nBcc: x@evil.example", "t", "h")))
            .isInstanceOf(SmtpException.class).hasMessageContaining("Subject");
    }
}
