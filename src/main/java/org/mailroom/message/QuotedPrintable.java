package org.mailroom.message;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Quoted-printable (RFC 2045) of UTF-8 text, done once per campaign, with the positions of the token
 * placeholder recorded so that readers' tokens can later be copied over it.
 * <ul>
 *   <li>Any line break (CRLF, CR, LF) becomes CRLF; lines are at most 76 characters, soft breaks included.</li>
 *   <li>The placeholder is kept whole on one line (its characters are all literal), so a token spliced over it
 *       never straddles a soft break and every line keeps its length.</li>
 *   <li>The escapes of one UTF-8 character stay on one line, so each line decodes to whole characters.</li>
 *   <li>A '.' starting a line is escaped, so the bytes need no SMTP dot-stuffing; so is the 'F' of "From ",
 *       which mbox files would otherwise mangle.</li>
 * </ul>
 * It reads the text's characters and encodes each non-ASCII one to UTF-8 as it escapes it, writing straight into
 * the message's buffer: a UTF-16 String's getBytes(UTF_8) is a slow path, and its array and a buffer of this
 * encoder's own would be two more copies of the issue. A lone surrogate becomes '?', as getBytes makes it.
 */
final class QuotedPrintable {
    /** The encoded bytes and the offset of every placeholder occurrence in them, ascending. */
    record Encoded(byte[] bytes, int[] tokens) {}

    /**
     * Where {@link #into} put a text: the placeholders' offsets in the sink, ascending, and whether a line it wrote
     * starts with '.' (never, as the encoder escapes one there; reported so that the message can check it without
     * scanning its bytes).
     */
    record Written(int[] tokens, boolean periodStartsLine) {}

    private static final int MAX_LINE = 76;
    private static final byte[] HEX = "0123456789ABCDEF".getBytes(StandardCharsets.US_ASCII);

    private final String in;
    private final int length;
    private final String placeholder;
    private final char first;
    private final ByteSink out;
    private int[] tokens = new int[8];
    private int tokenCount;
    private int col;
    private boolean periodStartsLine;
    /** The next CR and LF at or after the current line, or the text's length; -1 before the first search. */
    private int cr = -1;
    private int lf = -1;

    private QuotedPrintable(String in, String placeholder, ByteSink out) {
        this.in = in;
        this.length = in.length();
        this.placeholder = placeholder;
        this.first = placeholder.charAt(0);
        this.out = out;
    }

    static Encoded encode(String text, String placeholder) {
        ByteSink out = new ByteSink(text.length() + text.length() / 4 + 16);
        int[] tokens = into(out, text, placeholder).tokens();
        return new Encoded(out.toArray(), tokens);
    }

    /** Appends the encoding of {@code text} to {@code out}; the placeholder must be ASCII without CR or LF. */
    static Written into(ByteSink out, String text, String placeholder) {
        QuotedPrintable qp = new QuotedPrintable(text, placeholder, out);
        qp.run();
        return new Written(Arrays.copyOf(qp.tokens, qp.tokenCount), qp.periodStartsLine);
    }

    private void run() {
        int i = 0;
        while (true) {
            int end = lineEnd(i);
            line(i, end);
            if (end == length) return;
            out.crlf();
            col = 0;
            i = end + (in.charAt(end) == '\r' && end + 1 < length && in.charAt(end + 1) == '\n' ? 2 : 1);
        }
    }

    /** The first CR or LF at or after {@code i}: each found by indexOf (vectorized), not by a test per character. */
    private int lineEnd(int i) {
        if (lf < i) {
            lf = in.indexOf('\n', i);
            if (lf < 0) lf = length;
        }
        if (cr < i) {
            cr = in.indexOf('\r', i);
            if (cr < 0) cr = length;
        }
        return Math.min(cr, lf);
    }

    private void line(int start, int end) {
        int i = start;
        while (i < end) {
            int run = plainRun(i, end);
            if (run > 0) {
                i += run;
                continue;
            }
            char c = in.charAt(i);
            if (c == first && in.startsWith(placeholder, i)) {
                int n = placeholder.length();
                fit(n, i + n == end);
                recordToken();
                if (col == 0 && first == '.') periodStartsLine = true;
                out.ascii(placeholder);
                col += n;
                i += n;
            } else if (c >= 0x80 && !Character.isSurrogate(c)) {
                fit(3 * utf8Length(c), i + 1 == end);
                escapeUtf8(c);
                i++;
            } else if (Character.isHighSurrogate(c) && i + 1 < end && Character.isLowSurrogate(in.charAt(i + 1))) {
                fit(3 * 4, i + 2 == end);
                escapeUtf8(Character.toCodePoint(c, in.charAt(i + 1)));
                i += 2;
            } else {
                ascii(Character.isSurrogate(c) ? '?' : c, i, end);
                i++;
            }
        }
    }

    /**
     * Copies the characters from {@code i} that stand for themselves and fit on this line as they are: printable
     * ASCII but '=', spaces and tabs, none of them the line's last (whose trailing space needs an escape), not at the
     * start of a line ('.' and "From " need escapes there) and not where the placeholder may begin. Most of an issue
     * is such runs, copied in one loop instead of character by character (same output). Returns how many.
     */
    private int plainRun(int i, int end) {
        if (col == 0) return 0;
        int limit = Math.min(end - 1, i + (MAX_LINE - 1 - col));
        if (limit <= i) return 0;
        out.room(limit - i);
        byte[] buf = out.buf;
        int at = out.len;
        int j = i;
        while (j < limit) {
            char c = in.charAt(j);
            if (!(c >= 32 && c <= 126 && c != '=' && c != first || c == '\t')) break;
            buf[at++] = (byte) c;
            j++;
        }
        out.len = at;
        col += j - i;
        return j - i;
    }

    /** One ASCII character (or the '?' of a lone surrogate) at {@code i}: itself, or an escape where it needs one. */
    private void ascii(char c, int i, int end) {
        boolean last = i + 1 == end;
        // measured after the fit: a soft break makes the character start a line, where '.' and "From " need escapes
        fit(asciiWidth(c, i, last), last);
        if (asciiWidth(c, i, last) == 1) {
            if (col == 0 && c == '.') periodStartsLine = true;
            out.put(c);
            col++;
        } else {
            escape(c);
        }
    }

    /** Soft-breaks the line unless a unit of this width fits; a line's last unit may use the '=' column. */
    private void fit(int width, boolean lastOnLine) {
        if (col + width <= (lastOnLine ? MAX_LINE : MAX_LINE - 1)) return;
        out.put('=').crlf();
        col = 0;
    }

    /** 1 when the character can stand for itself here, 3 when it needs an =XX escape. */
    private int asciiWidth(char c, int i, boolean last) {
        if (c == ' ' || c == '\t') return last ? 3 : 1;
        if (col == 0 && (c == '.' || c == 'F' && in.startsWith("From ", i))) return 3;
        return c >= 33 && c <= 126 && c != '=' ? 1 : 3;
    }

    private static int utf8Length(int cp) {
        return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    }

    /** The =XX escapes of the code point's UTF-8 bytes. */
    private void escapeUtf8(int cp) {
        if (cp < 0x800) {
            escape(0xC0 | cp >> 6);
        } else if (cp < 0x10000) {
            escape(0xE0 | cp >> 12);
            escape(0x80 | cp >> 6 & 0x3F);
        } else {
            escape(0xF0 | cp >> 18);
            escape(0x80 | cp >> 12 & 0x3F);
            escape(0x80 | cp >> 6 & 0x3F);
        }
        escape(0x80 | cp & 0x3F);
    }

    private void escape(int b) {
        out.put('=').put(HEX[(b >> 4) & 0xF]).put(HEX[b & 0xF]);
        col += 3;
    }

    private void recordToken() {
        if (tokenCount == tokens.length) tokens = Arrays.copyOf(tokens, tokenCount * 2);
        tokens[tokenCount++] = out.len;
    }
}
