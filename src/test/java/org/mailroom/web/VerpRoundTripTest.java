package org.mailroom.web;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.mailroom.delivery.CampaignStatus;
import org.mailroom.delivery.LogEntry;
import org.mailroom.subscriber.EmailAddress;
import org.mailroom.subscriber.Status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * serve with {@code bounce.verp} and a bounce mailbox, end to end through GreenMail: a campaign goes out with one
 * envelope sender per reader, and a bounce report that names nobody, returned to one of those addresses, finds its reader.
 */
class VerpRoundTripTest {
    @RegisterExtension
    static GreenMailExtension greenMail = new GreenMailExtension(ServerSetup.dynamicPort(ServerSetupTest.SMTP_IMAP));

    @TempDir
    Path dir;

    @Test
    void a_mangled_bounce_at_a_readers_verp_address_marks_that_reader_bounced_and_is_logged_next_to_the_send() throws Exception {
        GreenMailUser mailbox = greenMail.setUser("bounces@example.org", "bounces", "pw");
        try (TestServer server = new TestServer(dir, greenMail.getSmtp().getPort(), Map.of(
                "bounce.verp", "bounces+{token}@example.org",
                "bounce.mailbox", "imap://bounces:pw@127.0.0.1:" + greenMail.getImap().getPort() + "/INBOX",
                "bounce.poll-seconds", "1"))) {
            Readers.add(server.app, 5);
            long campaign = server.app.delivery().campaigns().create("weekly-1.md",
                "Title: Weekly 1\nDate: 2026-11-25\n\nHello.\n".getBytes(StandardCharsets.UTF_8), null);
            await(() -> server.app.delivery().campaigns().get(campaign).status() == CampaignStatus.FINISHED, "campaign finished");

            List<String> returnPaths = Arrays.stream(greenMail.getReceivedMessages()).map(VerpRoundTripTest::returnPath).toList();
            assertThat(returnPaths).hasSize(5).doesNotHaveDuplicates().allSatisfy(p -> assertThat(p).matches("bounces\\+[a-z2-7]+@example\\.org"));
            String verp = returnPath(receivedBy("reader3@example.com"));

            mailbox.deliver(new MimeMessage(Session.getInstance(new Properties()), new ByteArrayInputStream(mangledBounce(verp))));
            await(() -> status(server, "reader3@example.com") == Status.BOUNCED, "reader3 bounced");

            for (int i : new int[] {0, 1, 2, 4}) assertThat(status(server, "reader" + i + "@example.com")).as("reader" + i).isEqualTo(Status.CONFIRMED);
            List<String> reader3 = server.app.delivery().store().events(campaign, 0, 100).stream()
                .filter(e -> "reader3@example.com".equals(e.email())).map(LogEntry::outcome).toList();
            assertThat(reader3).containsExactly("sent", "bounce-hard");
        }
    }

    /** Postfix's report as a privacy filter and a broken MIME boundary left it: the address it came to is all that names the reader. */
    private static byte[] mangledBounce(String verp) {
        String raw = "Return-Path: <>\n"
            + "Delivered-To: " + verp + "\n"
            + "X-Original-To: " + verp + "\n"
            + "From: Mail Delivery System <MAILER-DAEMON@mx.isp.example>\n"
            + "To: " + verp + "\n"
            + "Subject: Undelivered Mail Returned to Sender\n"
            + "Date: Wed, 25 Nov 2026 11:00:00 +0000\n"
            + "Message-ID: <20261125110000.mangled@mx.isp.example>\n"
            + "MIME-Version: 1.0\n"
            + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"declared\"\n\n"
            + "--a-boundary-that-never-matches\n"
            + "Content-Type: text/plain\n\n"
            + "This is the mail system at host mx.isp.example.\n\n"
            + "<redacted>: host mx.isp.example said: 550 5.1.1 mailbox unavailable (in reply to RCPT TO command)\n";
        assertThat(raw).doesNotContain("reader3");
        return raw.replace("\n", "\r\n").getBytes(StandardCharsets.US_ASCII);
    }

    private static MimeMessage receivedBy(String reader) {
        return Arrays.stream(greenMail.getReceivedMessages()).filter(m -> {
            try {
                return m.getAllRecipients()[0].toString().contains(reader);
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).findFirst().orElseThrow();
    }

    /** The envelope sender as the receiving server recorded it. */
    private static String returnPath(MimeMessage m) {
        try {
            String p = m.getHeader("Return-Path", null);
            return p.substring(p.indexOf('<') + 1, p.lastIndexOf('>'));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Status status(TestServer server, String email) {
        return server.app.subscribers().findByEmail(EmailAddress.parse(email)).orElseThrow().status();
    }

    private static void await(java.util.function.BooleanSupplier condition, String what) throws InterruptedException {
        long until = System.currentTimeMillis() + 30_000;
        while (!condition.getAsBoolean()) {
            if (System.currentTimeMillis() > until) throw new AssertionError("timed out waiting for: " + what);
            Thread.sleep(100);
        }
    }
}
