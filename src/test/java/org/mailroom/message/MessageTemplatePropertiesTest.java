package org.mailroom.message;

import jakarta.mail.internet.MimeMessage;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.mailroom.issue.EmailContent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailroom.message.Mail.*;

class MessageTemplatePropertiesTest {
    @Property(tries = 300)
    void decoding_a_personalized_message_gives_the_content_with_the_readers_token(@ForAll("pieces") String text,
                                                                                  @ForAll("pieces") String html) {
        Recipient r = reader(3);
        byte[] b = MessageTemplate.prepare(content("s", text, html), SETTINGS).personalize(r);
        MessageTemplateTest.assertLineLimits(b);
        MimeMessage m = parse(b);
        assertThat(part(m, 0)).isEqualTo(expected(text, r.unsubscribeToken()));
        assertThat(part(m, 1)).isEqualTo(expected(html, r.unsubscribeToken()));
    }

    @Property(tries = 200)
    void no_line_of_any_readers_message_starts_with_a_period(@ForAll("pieces") String text, @ForAll("pieces") String html,
                                                             @ForAll("line") String name) throws Exception {
        Recipient r = new Recipient("reader@example.com", name, reader(3).unsubscribeToken(), "mailroom.1.3@example.org");
        MessageTemplate.Personal m = MessageTemplate.prepare(content("s", text, html), SETTINGS).reader(r);
        byte[] b = m.bytes();
        for (int i = 0; i < b.length; i++)
            assertThat(b[i] == '.' && (i == 0 || b[i - 1] == '\n')).as("a period starts the line at %d", i).isFalse();
        assertThat(m.smtpSafe()).isTrue();
    }

    @Property(tries = 60)
    void decoded_parts_equal_those_of_the_mime_message_implementation(@ForAll("pieces") String text,
                                                                       @ForAll("pieces") String html) {
        Recipient r = reader(5);
        EmailContent c = content("s", text, html);
        java.io.ByteArrayOutputStream slow = new java.io.ByteArrayOutputStream();
        try {
            MimeMessageOracle.prepare(c, SETTINGS).writeTo(r, slow);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        MimeMessage old = parse(slow.toByteArray());
        MimeMessage now = parse(MessageTemplate.prepare(c, SETTINGS).personalize(r));
        assertThat(part(now, 0)).isEqualTo(part(old, 0));
        assertThat(part(now, 1)).isEqualTo(part(old, 1));
    }

    @Property(tries = 200)
    void any_subject_decodes_to_itself(@ForAll("line") String subject) throws Exception {
        byte[] b = MessageTemplate.prepare(content(subject, "t", "h"), SETTINGS).personalize(reader(4));
        MessageTemplateTest.assertLineLimits(b);
        String got = parse(b).getSubject();
        assertThat(got == null ? "" : got).isEqualTo(subject);
    }

    /** Pieces that stress the encoder: the placeholder, line breaks, spaces, '=', dots, multi-byte characters. */
    @Provide
    Arbitrary<String> pieces() {
        Arbitrary<String> piece = Arbitraries.oneOf(
            Arbitraries.just(PH), Arbitraries.of("\n", "\r\n", "\r", " ", "\t", "=", ".", "From ", "é", "🦀", "中"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(90),
            Arbitraries.strings().all().ofMaxLength(20).map(Mail::withoutLoneSurrogates));
        return piece.list().ofMaxSize(60).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> line() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(200),
            Arbitraries.strings().all().ofMaxLength(120).map(Mail::withoutLoneSurrogates)
                .map(s -> s.replace('\r', ' ').replace('\n', ' ')));
    }
}
