package org.mailroom.message;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mailroom.issue.EmailContent;

import java.io.ByteArrayOutputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailroom.message.Mail.*;

class MessageTemplateTest {
    private static final EmailContent ISSUE = largeIssue();
    private static final MessageTemplate TEMPLATE = MessageTemplate.prepare(ISSUE, SETTINGS);

    @Test
    void spliced_message_parses_back_to_the_issue_with_the_readers_token() throws Exception {
        Recipient r = reader(1);
        MimeMessage m = parse(TEMPLATE.personalize(r));
        assertThat(m.getSubject()).isEqualTo(ISSUE.subject());
        assertThat(m.getContentType()).startsWith("multipart/alternative");
        assertThat(part(m, 0)).isEqualTo(expected(ISSUE.text(), r.unsubscribeToken()));
        assertThat(part(m, 1)).isEqualTo(expected(ISSUE.html(), r.unsubscribeToken()));
        assertThat(((jakarta.mail.internet.MimeMultipart) m.getContent()).getBodyPart(0).getContentType())
            .isEqualToIgnoringCase("text/plain; charset=UTF-8");
        assertThat(((jakarta.mail.internet.MimeMultipart) m.getContent()).getBodyPart(1).getContentType())
            .isEqualToIgnoringCase("text/html; charset=UTF-8");
    }

    @Test
    void headers_name_the_sender_the_reader_the_list_and_the_date() throws Exception {
        Instant sent = Instant.parse("2026-11-25T16:37:43Z");
        MessageTemplate t = MessageTemplate.prepare(ISSUE, SETTINGS, Clock.fixed(sent, ZoneOffset.UTC));
        Recipient r = new Recipient("ana@example.com", "Ana Müller-Łukasiewicz", reader(2).unsubscribeToken(), "x1@example.org");
        MimeMessage m = parse(t.personalize(r));
        assertThat(m.getFrom()).containsExactly(new InternetAddress("newsletter@example.org", "This Week in Rust", "UTF-8"));
        InternetAddress to = (InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getAddress()).isEqualTo("ana@example.com");
        assertThat(to.getPersonal()).isEqualTo("Ana Müller-Łukasiewicz");
        assertThat(m.getMessageID()).isEqualTo("<x1@example.org>");
        assertThat(m.getSentDate().toInstant()).isEqualTo(sent);
        assertThat(header(m, "Date")).isEqualTo("Wed, 25 Nov 2026 16:37:43 +0000");
        assertThat(header(m, "MIME-Version")).isEqualTo("1.0");
        assertThat(header(m, "List-Id")).isEqualTo("<weekly.example.org>");
    }

    @Test
    void each_message_is_dated_when_it_is_built() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong(1_795_624_663_000L);
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId zone) { return this; }
            public Instant instant() { return Instant.ofEpochMilli(now.get()); }
        };
        MessageTemplate t = MessageTemplate.prepare(ISSUE, SETTINGS, clock);
        String first = header(parse(t.personalize(reader(1))), "Date");
        now.addAndGet(3_600_000);
        String later = header(parse(t.personalize(reader(1))), "Date");
        assertThat(first).isEqualTo("Wed, 25 Nov 2026 16:37:43 +0000");
        assertThat(later).isEqualTo("Wed, 25 Nov 2026 17:37:43 +0000");
    }

    @Test
    void list_unsubscribe_carries_the_token_in_the_https_url_and_the_mailto_and_allows_one_click() {
        Recipient r = reader(3);
        MimeMessage m = parse(TEMPLATE.personalize(r));
        String value = header(m, "List-Unsubscribe").replaceAll("\r\n ", " ");
        assertThat(value).isEqualTo("<https://news.example.org/unsubscribe/" + r.unsubscribeToken() + ">, "
            + "<mailto:unsubscribe@example.org?subject=unsubscribe-" + r.unsubscribeToken() + ">");
        assertThat(header(m, "List-Unsubscribe-Post")).isEqualTo("List-Unsubscribe=One-Click");
    }

    @Test
    void list_unsubscribe_without_a_mailto_has_the_https_url_alone() {
        MessageSettings s = new MessageSettings(SETTINGS.from(), null, null, SETTINGS.baseUrl(), null);
        MimeMessage m = parse(MessageTemplate.prepare(ISSUE, s).personalize(reader(4)));
        assertThat(header(m, "List-Unsubscribe")).isEqualTo("<https://news.example.org/unsubscribe/" + reader(4).unsubscribeToken() + ">");
        assertThat(header(m, "List-Id")).isNull();
    }

    @Test
    void lines_end_in_crlf_only_and_stay_within_76_in_bodies_and_78_in_headers() {
        byte[] b = TEMPLATE.personalize(new Recipient("a@example.com", "Ünïcödé ".repeat(20), reader(5).unsubscribeToken(), "id@x"));
        assertLineLimits(b);
    }

    /** CRLF only; 76 columns in bodies, 78 in headers but for the unsubscribe URL, which cannot fold (998 then). */
    static void assertLineLimits(byte[] b) {
        String s = ascii(b);
        assertThat(s.replace("\r\n", "")).doesNotContain("\r").doesNotContain("\n");
        assertThat(s).endsWith("\r\n");
        boolean inHeaders = true;
        boolean unsubscribe = false;
        for (String line : s.split("\r\n", -1)) {
            if (line.isEmpty()) inHeaders = false;
            if (!line.startsWith(" ")) unsubscribe = line.startsWith("List-Unsubscribe: <");
            int limit = !inHeaders ? 76 : unsubscribe ? 998 : 78;
            assertThat(line.length()).as(line).isLessThanOrEqualTo(limit);
            assertThat(line).as("no line starts with a dot, so no dot-stuffing is needed").doesNotStartWith(".");
        }
    }

    @Test
    void write_to_writes_the_same_bytes_as_personalize() throws Exception {
        Recipient r = reader(6);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TEMPLATE.writeTo(r, out);
        assertThat(out.toByteArray()).isEqualTo(TEMPLATE.personalize(r));
    }

    @Test
    void a_readers_message_written_from_its_parts_is_the_personalized_message() throws Exception {
        Recipient r = reader(7);
        MessageTemplate.Personal m = TEMPLATE.reader(r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        byte[] expected = TEMPLATE.personalize(r);
        assertThat(out.toByteArray()).isEqualTo(expected);
        assertThat(m.bytes()).isEqualTo(expected);
        assertThat(m.size()).isEqualTo(expected.length);
        assertThat(m.smtpSafe()).as("no line starts with a period: it can go into SMTP DATA as it is").isTrue();
        m.writeTo(out);
        assertThat(out.size()).as("written again, from another call: the same message").isEqualTo(2 * expected.length);
    }

    @Test
    void a_bad_address_fails_when_the_readers_message_is_made_not_when_it_is_written() {
        Recipient bad = new Recipient("no-at-sign", "Reader", reader(1).unsubscribeToken(), "id.1@example.org");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> TEMPLATE.reader(bad)).isInstanceOf(MessageException.class);
    }

    @Test
    void personalize_into_a_reused_buffer_gives_the_same_bytes_without_a_new_buffer() {
        java.nio.ByteBuffer b = TEMPLATE.personalize(reader(6), null);
        for (int i = 20; i < 23; i++) {
            java.nio.ByteBuffer again = TEMPLATE.personalize(reader(i), b);
            assertThat(again).isSameAs(b);
            byte[] bytes = new byte[again.remaining()];
            again.get(bytes);
            assertThat(bytes).isEqualTo(TEMPLATE.personalize(reader(i)));
        }
    }

    @Test
    void each_reader_gets_their_own_token_address_and_message_id() throws Exception {
        MimeMessage a = parse(TEMPLATE.personalize(reader(7)));
        MimeMessage b = parse(TEMPLATE.personalize(reader(8)));
        assertThat(a.getMessageID()).isNotEqualTo(b.getMessageID());
        assertThat(part(a, 1)).contains(reader(7).unsubscribeToken()).doesNotContain(reader(8).unsubscribeToken()).doesNotContain(PH);
        assertThat(part(b, 1)).contains(reader(8).unsubscribeToken()).doesNotContain(PH);
        assertThat(a.getRecipients(MimeMessage.RecipientType.TO)[0].toString()).contains("reader7@example.com");
    }

    @Test
    void decoded_content_is_identical_to_what_the_mime_message_implementation_produces() throws Exception {
        Recipient r = reader(9);
        ByteArrayOutputStream slow = new ByteArrayOutputStream();
        MimeMessageOracle.prepare(ISSUE, SETTINGS).writeTo(r, slow);
        MimeMessage old = parse(slow.toByteArray());
        MimeMessage now = parse(TEMPLATE.personalize(r));
        assertThat(now.getSubject()).isEqualTo(old.getSubject());
        assertThat(part(now, 0)).isEqualTo(part(old, 0));
        assertThat(part(now, 1)).isEqualTo(part(old, 1));
        assertThat(now.getFrom()).isEqualTo(old.getFrom());
        assertThat(now.getRecipients(MimeMessage.RecipientType.TO)).isEqualTo(old.getRecipients(MimeMessage.RecipientType.TO));
        assertThat(header(now, "List-Unsubscribe").replace("\r\n ", " ")).isEqualTo(header(old, "List-Unsubscribe"));
        assertThat(header(now, "List-Id")).isEqualTo(header(old, "List-Id"));
        assertThat(now.getMessageID()).isEqualTo(old.getMessageID());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Plain ASCII subject", "Café ☕ and 🦀 crabs", "=?UTF-8?B?not-an-encoded-word?=",
        " leading and trailing spaces ", "two  spaces   and\ttab", "\"quoted\" (comment) <angle> a@b.c; x",
        "This Week in Rust 578: a very long subject line that goes on and on well past the seventy-eight column limit of RFC 5322 headers",
        "Ein sehr langer Betreff mit Umlauten äöü und ß, der weit über achtundsiebzig Zeichen hinausgeht, 🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀🦀",
        "Averyveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryveryverylongword",
        "a backslash \\ before a space in a subject long enough to be folded at some space or other"})
    void subjects_decode_to_the_original(String subject) throws Exception {
        MessageTemplate t = MessageTemplate.prepare(content(subject, "t", "<p>h</p>"), SETTINGS);
        byte[] b = t.personalize(reader(10));
        MimeMessage m = parse(b);
        assertThat(m.getSubject() == null ? "" : m.getSubject()).isEqualTo(subject);
        assertLineLimits(b);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Ana", "Ana Smith", "O'Brien, Pat", "Dr. \"Doc\" Brown \\ PhD", "张伟", "Zoë 🦀",
        "A very long display name that certainly will not fit on the To line together with the address"})
    void display_names_read_back_unchanged(String name) throws Exception {
        Recipient r = new Recipient("someone.with.a.long.address@subdomain.example.com", name, reader(11).unsubscribeToken(), "i@d");
        MimeMessage m = parse(TEMPLATE.personalize(r));
        InternetAddress to = (InternetAddress) m.getRecipients(MimeMessage.RecipientType.TO)[0];
        assertThat(to.getPersonal()).isEqualTo(name);
        assertThat(to.getAddress()).isEqualTo(r.email());
    }

    @Test
    void a_reply_to_address_is_written_when_set() throws Exception {
        MessageSettings s = new MessageSettings("Ünïcode Weekly <n@example.org>", "Editors <editors@example.org>",
            "Weekly <weekly.example.org>", SETTINGS.baseUrl(), null);
        MimeMessage m = parse(MessageTemplate.prepare(ISSUE, s).personalize(reader(14)));
        assertThat(m.getReplyTo()).containsExactly(new InternetAddress("editors@example.org", "Editors"));
        assertThat(((InternetAddress) m.getFrom()[0]).getPersonal()).isEqualTo("Ünïcode Weekly");
        assertThat(header(m, "List-Id")).isEqualTo("Weekly <weekly.example.org>");
    }

    @Test
    void a_reader_without_a_name_gets_the_bare_address() throws Exception {
        MimeMessage m = parse(TEMPLATE.personalize(new Recipient("x@example.com", null, reader(12).unsubscribeToken(), "i@d")));
        assertThat(header(m, "To")).isEqualTo("<x@example.com>");
    }

    @Test
    void building_a_message_allocates_little_beyond_its_own_bytes() {
        var mx = (com.sun.management.ThreadMXBean) java.lang.management.ManagementFactory.getThreadMXBean();
        Recipient r = reader(13);
        for (int i = 0; i < 2000; i++) TEMPLATE.personalize(r);
        long before = mx.getCurrentThreadAllocatedBytes();
        int n = 1000;
        long size = 0;
        for (int i = 0; i < n; i++) size += TEMPLATE.personalize(r).length;
        long perMessage = (mx.getCurrentThreadAllocatedBytes() - before) / n;
        assertThat(perMessage).isLessThan(size / n + 1024);
    }
}
