package org.mailroom.message;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailroom.message.Mail.PH;

class QuotedPrintablePropertiesTest {
    @Property(tries = 3000)
    void encoding_the_characters_gives_the_bytes_of_encoding_their_utf8(@ForAll("texts") String text) {
        QuotedPrintable.Encoded now = QuotedPrintable.encode(text, PH);
        QuotedPrintable.Encoded before = BytewiseQuotedPrintable.encode(text, PH);
        assertThat(Mail.ascii(now.bytes())).isEqualTo(Mail.ascii(before.bytes()));
        assertThat(now.tokens()).isEqualTo(before.tokens());
    }

    @Property(tries = 1000)
    void text_appended_to_a_message_lands_at_the_sinks_offsets(@ForAll("texts") String text) {
        ByteSink out = new ByteSink(1);
        out.ascii("Content-Transfer-Encoding: quoted-printable\r\n\r\n");
        int base = out.len;
        QuotedPrintable.Written w = QuotedPrintable.into(out, text, PH);
        QuotedPrintable.Encoded alone = BytewiseQuotedPrintable.encode(text, PH);
        assertThat(Mail.ascii(java.util.Arrays.copyOfRange(out.buf, base, out.len))).isEqualTo(Mail.ascii(alone.bytes()));
        assertThat(w.tokens()).isEqualTo(java.util.Arrays.stream(alone.tokens()).map(t -> t + base).toArray());
        assertThat(w.periodStartsLine()).isFalse();
    }

    @Property(tries = 300)
    void a_prepared_message_knows_without_a_scan_whether_a_line_starts_with_a_period(@ForAll("texts") String text,
                                                                                      @ForAll("texts") String html) {
        PreparedMessage p = PreparedMessage.of(Mail.content("s", text, html), Mail.SETTINGS);
        boolean scanned = false;
        for (int i = 0; i < p.size(); i++) scanned |= p.bytes()[i] == '.' && (i == 0 || p.bytes()[i - 1] == '\n');
        assertThat(p.periodStartsLine()).isEqualTo(scanned);
    }

    @Test
    void a_period_starts_a_line_at_the_start_of_the_bytes_or_after_a_line_feed() {
        byte[] b = "x.\r\n.a\n..".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
        assertThat(PreparedMessage.lineStartsWithPeriod(b, 0, 3)).isFalse();
        assertThat(PreparedMessage.lineStartsWithPeriod(b, 0, 5)).isTrue();
        assertThat(PreparedMessage.lineStartsWithPeriod(b, 5, 8)).isTrue();
        assertThat(PreparedMessage.lineStartsWithPeriod(b, 8, 9)).isFalse();
        assertThat(PreparedMessage.lineStartsWithPeriod(b, 0, 1)).isFalse();
        assertThat(PreparedMessage.lineStartsWithPeriod(new byte[] {'.'}, 0, 1)).isTrue();
    }

    /**
     * Pieces that stress the encoder: the placeholder and near misses, every kind of line break, spaces and tabs
     * (trailing ones too), '=', '.' and "From " (at line starts after any break), Latin-1, BMP and non-BMP
     * characters, lone and reversed surrogates, controls, and runs long enough to need soft breaks anywhere.
     */
    @Provide
    Arbitrary<String> texts() {
        Arbitrary<String> piece = Arbitraries.oneOf(
            Arbitraries.just(PH), Arbitraries.just(PH.substring(0, 20)), Arbitraries.just("M"),
            Arbitraries.of("\n", "\r\n", "\r", "\n\r", " ", "\t", "=", ".", "..", "From ", "From", "F", "?", "\u0000",
                "\u007f", "é", "ÿ", "\u0100", "€", "\uffff", "🦀", "𝄞", "\ud83e", "\udd80", "\udd80\ud83e", "\ud83e\ud83e\udd80"),
            Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(90),
            Arbitraries.strings().withCharRange('a', 'b').ofMinLength(60).ofMaxLength(80),
            Arbitraries.strings().all().ofMaxLength(20),
            Arbitraries.strings().withChars(' ', '\t', '.', '=', 'é', '\n').ofMaxLength(12));
        return piece.list().ofMaxSize(80).map(l -> String.join("", l));
    }
}
