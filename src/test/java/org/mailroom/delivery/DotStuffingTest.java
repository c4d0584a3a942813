package org.mailroom.delivery;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class DotStuffingTest {
    @Test
    void every_line_that_starts_with_a_period_gets_one_more() throws IOException {
        assertThat(stuffed(".a\r\n..b\r\nc.d\r\n.\r\n")).isEqualTo("..a\r\n...b\r\nc.d\r\n..\r\n");
        assertThat(stuffed("")).isEmpty();
        assertThat(stuffed(".")).isEqualTo("..");
        assertThat(stuffed("\n.")).isEqualTo("\n..");
        assertThat(stuffed("no periods at line starts.\r\n")).isEqualTo("no periods at line starts.\r\n");
    }

    @Test
    void matches_a_byte_by_byte_reference_at_every_length_and_alignment() throws IOException {
        Random random = new Random(42);
        byte[] alphabet = {'\n', '.', '\r', 'a', '.', '\n'};
        for (int round = 0; round < 20_000; round++) {
            byte[] m = new byte[random.nextInt(70)];
            for (int i = 0; i < m.length; i++) m[i] = alphabet[random.nextInt(alphabet.length)];
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            DotStuffing.write(m, out);
            assertThat(out.toByteArray()).as("input %s", new String(m, StandardCharsets.ISO_8859_1)).isEqualTo(reference(m));
        }
    }

    private static String stuffed(String s) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffing.write(s.getBytes(StandardCharsets.ISO_8859_1), out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static byte[] reference(byte[] m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (int i = 0; i < m.length; i++) {
            if (m[i] == '.' && (i == 0 || m[i - 1] == '\n')) out.write('.');
            out.write(m[i]);
        }
        return out.toByteArray();
    }
}
