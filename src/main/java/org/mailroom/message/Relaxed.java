package org.mailroom.message;

import java.util.Arrays;

/**
 * DKIM "relaxed" canonicalization (RFC 6376, 3.4.2 and 3.4.4) of the bytes as transmitted, that is of the
 * quoted-printable text, not of the content it decodes to.
 */
final class Relaxed {
    /** A canonical body, with where each token landed in it (tokens hold no whitespace, so they pass unchanged). */
    record Body(byte[] bytes, int[] tokens) {}

    private Relaxed() {}

    /**
     * Canonicalizes {@code b[from, to)}: whitespace runs become one space, whitespace before a line end goes,
     * empty lines at the end go, and a non-empty body ends with CRLF. {@code tokens} are offsets in {@code b}.
     */
    static Body body(byte[] b, int from, int to, int[] tokens, int tokenLength) {
        ByteSink out = new ByteSink(to - from + 2);
        int[] at = new int[tokens.length];
        int t = 0;
        boolean space = false;
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == ' ' || c == '\t') {
                space = true;
                continue;
            }
            if (c == '\r' && i + 1 < to && b[i + 1] == '\n') {
                space = false;
                out.crlf();
                i++;
                continue;
            }
            if (space) out.put(' ');
            space = false;
            if (t < tokens.length && tokens[t] == i) {
                at[t++] = out.len;
                out.put(b, i, tokenLength);
                i += tokenLength - 1;
            } else {
                out.put(c);
            }
        }
        if (t != tokens.length) throw new IllegalArgumentException("token offsets outside the body");
        return new Body(withoutTrailingEmptyLines(out), at);
    }

    /** Empty lines at the end go; a body that is not empty ends with CRLF. */
    private static byte[] withoutTrailingEmptyLines(ByteSink out) {
        int end = out.len;
        while (end >= 4 && out.buf[end - 1] == '\n' && out.buf[end - 3] == '\n') end -= 2;
        if (end == 2 && out.buf[0] == '\r') end = 0;
        byte[] canon = Arrays.copyOf(out.buf, end);
        if (end > 0 && canon[end - 1] != '\n') {
            canon = Arrays.copyOf(canon, end + 2);
            canon[end] = '\r';
            canon[end + 1] = '\n';
        }
        return canon;
    }

    /**
     * Writes one header field {@code b[start, end)} (its continuation lines and final CRLF included) as
     * {@code name:value CRLF}: name lower-cased, lines unfolded, whitespace runs one space, value trimmed.
     */
    static void header(byte[] b, int start, int end, ByteSink out) {
        int colon = start;
        while (b[colon] != ':') colon++;
        int nameEnd = colon;
        while (nameEnd > start && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) nameEnd--;
        for (int i = start; i < nameEnd; i++) {
            byte c = b[i];
            out.put(c >= 'A' && c <= 'Z' ? c + 32 : c);
        }
        out.put(':');
        boolean space = false;
        boolean started = false;
        for (int i = colon + 1; i < end; i++) {
            byte c = b[i];
            if (c == '\r' || c == '\n' || c == ' ' || c == '\t') {
                space = started;
                continue;
            }
            if (space) out.put(' ');
            space = false;
            started = true;
            out.put(c);
        }
        out.crlf();
    }
}
