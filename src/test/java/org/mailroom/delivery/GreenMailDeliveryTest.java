package org.mailroom.delivery;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.subscriber.Tokens;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class GreenMailDeliveryTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(0, "127.0.0.1", "smtp"));

    @TempDir
    Path dir;

    @Test
    void ten_thousand_recipients_each_receive_exactly_one_message_with_their_own_unsubscribe_link() throws Exception {
        int n = 10_000;
        try (Fixture f = new Fixture(dir, greenMail.getSmtp().getPort(), Map.of()); Delivery d = f.delivery()) {
            f.subscribers(n);
            long id = f.create(d);
            long t0 = System.nanoTime();
            d.sendHere();
            Fixture.await(() -> d.campaigns().get(id).status() == CampaignStatus.FINISHED, 60_000, "campaign finished");
            long ms = (System.nanoTime() - t0) / 1_000_000;
            System.out.printf("sent %d messages to GreenMail in %d ms (%.0f/s)%n", n, ms, n * 1000.0 / ms);
            Progress p = d.campaigns().progress(id);
            assertThat(p.sent()).isEqualTo(n);
            assertThat(p.pending()).isZero();

            MimeMessage[] received = greenMail.getReceivedMessages();
            assertThat(received).hasSize(n);
            Map<String, Integer> perRecipient = new HashMap<>();
            Set<String> messageIds = new HashSet<>();
            Tokens tokens = f.tokens;
            for (MimeMessage m : received) {
                String to = m.getAllRecipients()[0].toString();
                String email = to.contains("<") ? to.substring(to.indexOf('<') + 1, to.indexOf('>')) : to;
                perRecipient.merge(email, 1, Integer::sum);
                long sid = Long.parseLong(email.substring(4, email.indexOf('@'))) + 1;
                String token = tokens.create(Tokens.Purpose.UNSUBSCRIBE, sid, id);
                assertThat(m.getHeader("List-Unsubscribe", null)).isEqualTo("<https://news.example.org/unsubscribe/" + token + ">");
                assertThat(m.getHeader("List-Unsubscribe-Post", null)).isEqualTo("List-Unsubscribe=One-Click");
                assertThat(m.getSubject()).isEqualTo("This Week in Testing 1");
                assertThat(m.getFrom()[0].toString()).contains("newsletter@example.org");
                assertThat(m.getSentDate()).isNotNull();
                assertThat(m.getHeader("MIME-Version", null)).isEqualTo("1.0");
                assertThat(m.getMessageID()).matches("<mailroom\\." + id + "\\." + sid + "@example\\.org>");
                assertThat(m.getContentType()).startsWith("multipart/alternative");
                messageIds.add(m.getMessageID());
            }
            assertThat(perRecipient).hasSize(n).allSatisfy((k, v) -> assertThat(v).as(k).isEqualTo(1));
            assertThat(messageIds).hasSize(n);
        }
    }
}
