package org.mailroom.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The quoted-printable encoder as it was when it worked on the text's UTF-8 bytes (String.getBytes, then byte by
 * byte): the reference that {@link QuotedPrintable}, which reads the characters, must match byte for byte.
 */
final class BytewiseQuotedPrintable {
    /** The encoded bytes and the offset of every placeholder occurrence in them, ascending. */
    private static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] FROM = "From ".getBytes(StandardCharsets.US_ASCII);

    private final byte[] in;
    private final byte[] placeholder;
    private final ByteSink out;
    private int[] tokens = new int[8];
    private int tokenCount;
    private int col;

    private BytewiseQuotedPrintable(byte[] in, byte[] placeholder) {
        this.in = in;
        this.placeholder = placeholder;
        this.out = new ByteSink(in.length + in.length / 4 + 16);
    }

    static QuotedPrintable.Encoded encode(String text, String placeholder) {
        BytewiseQuotedPrintable qp = new BytewiseQuotedPrintable(text.getBytes(StandardCharsets.UTF_8),
            placeholder.getBytes(StandardCharsets.US_ASCII));
        qp.run();
        return new QuotedPrintable.Encoded(qp.out.toArray(), Arrays.copyOf(qp.tokens, qp.tokenCount));
    }

    private void run() {
        int i = 0;
        while (true) {
            int end = i;
            while (end < in.length && in[end] != '\r' && in[end] != '\n') end++;
            line(i, end);
            if (end == in.length) return;
            out.crlf();
            col = 0;
            i = end + (in[end] == '\r' && end + 1 < in.length && in[end + 1] == '\n' ? 2 : 1);
        }
    }

    private void line(int start, int end) {
        int i = start;
        while (i < end) {
            int run = plainRun(i, end);
            if (run > 0) {
                out.put(in, i, run);
                col += run;
                i += run;
                continue;
            }
            if (startsWith(i, end, placeholder)) {
                fit(placeholder.length, i + placeholder.length == end);
                recordToken();
                out.put(placeholder);
                col += placeholder.length;
                i += placeholder.length;
            } else if (in[i] < 0) {
                int n = utf8Length(i, end);
                fit(3 * n, i + n == end);
                for (int k = 0; k < n; k++) escape(in[i + k]);
                i += n;
            } else {
                boolean last = i + 1 == end;
                fit(asciiWidth(i, end, last), last);
                // measured again: after a soft break the byte starts a line, where '.' and "From " need escapes
                if (asciiWidth(i, end, last) == 1) {
                    out.put(in[i]);
                    col++;
                } else {
                    escape(in[i]);
                }
                i++;
            }
        }
    }

    /**
     * How many bytes from {@code i} stand for themselves and fit on this line as they are: printable ASCII but '=',
     * spaces and tabs, none of them the line's last byte (whose trailing space needs an escape), not at the start
     * of a line ('.' and "From " need escapes there) and not where the placeholder may begin. Most of an issue is
     * such runs, copied at once instead of byte by byte (same output).
     */
    private int plainRun(int i, int end) {
        if (col == 0) return 0;
        int limit = Math.min(end - 1, i + (MAX_LINE - 1 - col));
        byte first = placeholder[0];
        int j = i;
        while (j < limit) {
            byte b = in[j];
            if (!(b >= 32 && b <= 126 && b != '=' && b != first || b == '\t')) break;
            j++;
        }
        return j - i;
    }

    /** Soft-breaks the line unless a unit of this width fits; a line's last unit may use the '=' column. */
    private void fit(int width, boolean lastOnLine) {
        if (col + width <= (lastOnLine ? MAX_LINE : MAX_LINE - 1)) return;
        out.put('=').crlf();
        col = 0;
    }

    /** 1 when the byte can stand for itself here, 3 when it needs an =XX escape. */
    private int asciiWidth(int i, int end, boolean last) {
        int b = in[i];
        if (b == ' ' || b == '\t') return last ? 3 : 1;
        if (col == 0 && (b == '.' || b == 'F' && startsWith(i, end, FROM))) return 3;
        return b >= 33 && b <= 126 && b != '=' ? 1 : 3;
    }

    private void escape(byte b) {
        out.put('=').put(HEX[(b >> 4) & 0xF]).put(HEX[b & 0xF]);
        col += 3;
    }

    private int utf8Length(int i, int end) {
        int b = in[i] & 0xFF;
        int n = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1;
        int k = 1;
        while (k < n && i + k < end && (in[i + k] & 0xC0) == 0x80) k++;
        return k;
    }

    private boolean startsWith(int i, int end, byte[] s) {
        if (end - i < s.length) return false;
        for (int k = 0; k < s.length; k++) if (in[i + k] != s[k]) return false;
        return true;
    }

    private void recordToken() {
        if (tokenCount == tokens.length) tokens = Arrays.copyOf(tokens, tokenCount * 2);
        tokens[tokenCount++] = out.len;
    }
}
