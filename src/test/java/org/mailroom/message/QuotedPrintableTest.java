package org.mailroom.message;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailroom.message.Mail.*;

class QuotedPrintableTest {
    private static final Recipient READER = reader(1);

    /** Encodes the text as both parts of a message and checks both decode back with the reader's token. */
    private static void roundTrips(String text) {
        byte[] b = MessageTemplate.prepare(content("s", text, text), SETTINGS).personalize(READER);
        MessageTemplateTest.assertLineLimits(b);
        MimeMessage m = parse(b);
        assertThat(part(m, 0)).isEqualTo(expected(text, READER.unsubscribeToken()));
        assertThat(part(m, 1)).isEqualTo(expected(text, READER.unsubscribeToken()));
    }

    @Test
    void tokens_at_every_position_around_a_line_end_are_intact() {
        for (String filler : new String[] {"x", "é", "=", " ", "🦀"}) {
            for (int at = 0; at < 90; at++) {
                String text = filler.repeat(at) + PH + filler.repeat(100) + "\n" + "y".repeat(at) + PH + "\n";
                roundTrips(text);
            }
        }
    }

    @Test
    void placeholders_never_straddle_a_soft_line_break() {
        String text = ("a=b " + PH).repeat(200);
        QuotedPrintable.Encoded e = QuotedPrintable.encode(text, PH);
        assertThat(e.tokens()).hasSize(200);
        for (int off : e.tokens()) {
            assertThat(ascii(e.bytes()).substring(off, off + PH.length())).isEqualTo(PH);
        }
        assertThat(ascii(e.bytes()).replace("=\r\n", "")).contains(PH + "a=3Db");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "\n", "\r\n\r\n", "one line without a break", "a\rb\nc\r\nd\n\re",
        "trailing space \ntrailing tab\t\nend with space ", "   \n\t\t\n",
        ".\n..\n...\n. dot\n.", "From here\nFrom the start\n>From quoted",
        "a=b==c=\n=\n=3D", "control \u0001\u0007\u001b chars \u007f",
        "emoji 🦀🎉👩‍👩‍👧‍👦 and 4-byte 𝄞 𠜎 characters", "ünïcödé ß ø 中文 العربية",
        "<p style=\"margin:0\">a very long line of HTML</p>"})
    void tricky_content_is_encoded_correctly(String text) {
        roundTrips(text);
    }

    @Test
    void very_long_lines_and_lines_of_dots_are_encoded_correctly() {
        roundTrips("x".repeat(5000) + "\n" + ".".repeat(1000) + "\n" + "é".repeat(3000) + "\n" + (" " + PH).repeat(50));
        roundTrips(("=".repeat(77) + "\n").repeat(20));
        roundTrips("🦀".repeat(2000));
    }

    @Test
    void every_soft_line_break_is_a_single_equals_sign_at_the_end_of_a_line() {
        String encoded = ascii(QuotedPrintable.encode("é".repeat(100) + " ".repeat(100) + ".".repeat(100), PH).bytes());
        for (String line : encoded.split("\r\n")) {
            assertThat(line.length()).isLessThanOrEqualTo(76);
            assertThat(line).matches("([!-<>-~ \t]|=[0-9A-F]{2})*=?");
            assertThat(line).doesNotEndWith(" ").doesNotEndWith("\t");
        }
    }
}
