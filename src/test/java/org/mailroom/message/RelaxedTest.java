package org.mailroom.message;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The canonicalization example of RFC 6376, section 3.4.5, and the token bookkeeping on top of it. */
class RelaxedTest {
    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    @Test
    void headers_are_canonicalized_as_in_rfc_6376_example() {
        byte[] h = b("A: X\r\nB : Y\t\r\n\tZ  \r\n");
        ByteSink out = new ByteSink(16);
        Relaxed.header(h, 0, 6, out);
        Relaxed.header(h, 6, h.length, out);
        assertThat(Mail.ascii(out.toArray())).isEqualTo("a:X\r\nb:Y Z\r\n");
    }

    @Test
    void the_body_is_canonicalized_as_in_rfc_6376_example() {
        byte[] body = b(" C \r\nD \t E\r\n\r\n\r\n");
        assertThat(Mail.ascii(Relaxed.body(body, 0, body.length, new int[0], 0).bytes())).isEqualTo(" C\r\nD E\r\n");
    }

    @Test
    void an_empty_body_stays_empty_and_a_body_without_a_final_line_break_gets_one() {
        assertThat(Relaxed.body(b("\r\n\r\n"), 0, 4, new int[0], 0).bytes()).isEmpty();
        assertThat(Mail.ascii(Relaxed.body(b("x  "), 0, 3, new int[0], 0).bytes())).isEqualTo("x\r\n");
    }

    @Test
    void token_offsets_follow_the_whitespace_that_collapses_before_them() {
        byte[] body = b("a   TOK  b\t\t TOK\r\n");
        Relaxed.Body c = Relaxed.body(body, 0, body.length, new int[] {4, 13}, 3);
        assertThat(Mail.ascii(c.bytes())).isEqualTo("a TOK b TOK\r\n");
        assertThat(c.tokens()).containsExactly(2, 8);
    }
}
