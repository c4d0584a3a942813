package org.mailroom.smtp;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.subscriber.Mailer;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EmbeddedSmtpServerTest {
    @TempDir
    Path dir;

    @Test
    void any_recipient_is_accepted_and_each_message_is_kept_as_an_eml_file() {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        try (EmbeddedSmtpServer server = EmbeddedSmtpServer.start(0, outbox)) {
            SmtpSettings settings = new SmtpSettings("127.0.0.1", server.port(), "", "", SmtpSettings.Tls.OFF, 5000, "");
            TransportMailer mailer = new TransportMailer(settings, "Weekly <news@example.org>");
            mailer.send(new Mailer.OutgoingMail("anyone@anywhere.example", "Any One", "Hello ünïcode", "text body", "<p>html body</p>"));
            mailer.send(new Mailer.OutgoingMail("second@example.net", null, "Second", "two", "<p>two</p>"));

            List<Outbox.Entry> list = outbox.list();
            assertThat(list).hasSize(2);
            assertThat(list.get(0).subject()).isEqualTo("Second");
            assertThat(list.get(1).to()).contains("anyone@anywhere.example");
            String raw = new String(outbox.read(list.get(1).id()), StandardCharsets.UTF_8);
            assertThat(raw).startsWith("Delivered-To: anyone@anywhere.example\r\n").contains("From: Weekly <news@example.org>", "text body");
            assertThat(list.get(1).id()).matches("\\d{13}-\\d{6}\\.eml");
            assertThat(dir.resolve("outbox").resolve(list.get(1).id())).exists();
        }
    }

    @Test
    void ids_outside_the_outbox_pattern_are_refused() {
        Outbox outbox = new Outbox(dir.resolve("outbox"));
        assertThatThrownBy(() -> outbox.read("../secret")).isInstanceOf(SmtpException.class).hasMessageContaining("no message");
        assertThat(outbox.list()).isEmpty();
    }

    @Test
    void a_port_in_use_is_a_clear_error() throws Exception {
        try (java.net.ServerSocket taken = new java.net.ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThatThrownBy(() -> EmbeddedSmtpServer.start(taken.getLocalPort(), new Outbox(dir)))
                .isInstanceOf(SmtpException.class).hasMessageContaining("127.0.0.1:" + taken.getLocalPort());
        }
    }
}
