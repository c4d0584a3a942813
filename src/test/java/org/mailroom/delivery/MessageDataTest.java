package org.mailroom.delivery;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mailroom.config.Config;
import org.mailroom.smtp.SmtpSettings;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What reaches the relay is the message itself, whether it is written from its parts or dot-stuffed from an array. */
class MessageDataTest {
    private static final String DOTTED = "Subject: dots\r\n\r\n.starts with a period\r\n..two\r\nmiddle. dot\r\n.\r\nend\r\n";
    private static final String PLAIN = "Subject: parts\r\n\r\nfirst part, second part\r\nno line starts with a period\r\n";
    private FakeSmtpServer smtp;

    @BeforeEach
    void start() throws Exception {
        smtp = new FakeSmtpServer(0, true);
    }

    @AfterEach
    void stop() throws Exception {
        smtp.close();
    }

    private SmtpSettings settings() {
        return SmtpSettings.from(Config.of(Map.of("smtp.host", "127.0.0.1", "smtp.port", String.valueOf(smtp.port()), "smtp.timeout-seconds", "5")));
    }

    /** A message written in three pieces that says it needs no dot-stuffing, as a campaign's reader message does. */
    private static Mailer.Data inParts(String message) {
        byte[] b = message.getBytes(StandardCharsets.US_ASCII);
        return new Mailer.Data() {
            @Override
            public void writeTo(OutputStream out) throws IOException {
                out.write(b, 0, 10);
                out.write(b, 10, 20);
                out.write(b, 30, b.length - 30);
            }

            @Override
            public byte[] bytes() {
                return b.clone();
            }

            @Override
            public int size() {
                return b.length;
            }

            @Override
            public boolean smtpSafe() {
                return true;
            }
        };
    }

    private void sendsIntact(Mailer mailer) {
        try (Mailer.Connection c = mailer.connect()) {
            Envelope e = new Envelope("news@example.org", "reader@example.com");
            assertThat(c.send(e, DOTTED.getBytes(StandardCharsets.US_ASCII)).accepted()).isTrue();
            assertThat(c.send(e, inParts(PLAIN)).accepted()).isTrue();
        } catch (RelayUnreachableException ex) {
            throw new AssertionError(ex);
        }
        assertThat(smtp.bodies).extracting(b -> new String(b, StandardCharsets.US_ASCII))
            .as("lines starting with a period arrive as written (stuffed on the wire), a message in parts arrives whole")
            .containsExactly(DOTTED, PLAIN);
    }

    @Test
    void direct_smtp_stuffs_an_array_and_writes_a_safe_message_from_its_parts() {
        sendsIntact(new DirectSmtp(settings()));
    }

    @Test
    void angus_mail_sends_both_kinds_intact() {
        sendsIntact(new AngusMailer(settings()));
    }
}
