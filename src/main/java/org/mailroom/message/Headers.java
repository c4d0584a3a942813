package org.mailroom.message;

import java.nio.charset.StandardCharsets;

/**
 * Header values: checked (a CR or LF in one is an injection attempt), then written folded at 78 columns,
 * as raw ASCII when that reads back unchanged, else as RFC 2047 encoded-words. Used once per campaign for the
 * shared headers and per reader for To, so the writers put bytes straight into a reused {@link ByteSink}.
 */
final class Headers {
    private static final int FOLD = 78;
    /** UTF-8 bytes per encoded-word: 56 base64 characters, so "Reply-To: " + one word fits 78 columns. */
    private static final int WORD_BYTES = 42;
    private static final String ATEXT_SPECIALS = "!#$%&'*+-/=?^_`{|}~";

    private Headers() {}

    /** Refuses a value with CR or LF, naming the header. */
    static void check(String header, String value) {
        if (value != null && (value.indexOf('\r') >= 0 || value.indexOf('\n') >= 0))
            throw new MessageException(header + " header value contains a line break (CR or LF): refused");
    }

    /** An address: ASCII without spaces, controls, angle brackets or commas, with text on both sides of an '@'. */
    static void checkEmail(String email) {
        if (email == null) throw new MessageException("To: no address");
        check("To", email);
        int at = email.lastIndexOf('@');
        if (at <= 0 || at == email.length() - 1 || email.length() > 254)
            throw new MessageException("To: not an email address: " + email);
        for (int i = 0; i < email.length(); i++) {
            char c = email.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '<' || c == '>' || c == ',')
                throw new MessageException("To: address contains a space, control, non-ASCII or <>, character: " + email);
        }
    }

    /** A Message-ID without its angle brackets: printable ASCII, no spaces or angle brackets. */
    static void checkMessageId(String id, String email) {
        if (id == null || id.isEmpty()) throw new MessageException("Message-ID missing for " + email);
        check("Message-ID", id);
        if (id.length() > 250) throw new MessageException("Message-ID longer than 250 characters for " + email);
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            if (c <= ' ' || c >= 0x7F || c == '<' || c == '>')
                throw new MessageException("Message-ID contains a space, control, non-ASCII or <> character: " + id);
        }
    }

    /** An unstructured header such as Subject, folded at spaces or encoded. */
    static void unstructured(ByteSink out, String header, String value) {
        out.ascii(header).ascii(": ");
        if (isPlainText(value)) folded(out, header.length() + 2, value);
        else encodedWords(out, value);
        out.crlf();
    }

    /** An address header: {@code Name <email>}, the name raw, quoted or encoded as it needs. */
    static void address(ByteSink out, String header, String name, String email) {
        out.ascii(header).ascii(": ");
        int col = header.length() + 2;
        if (name != null && !name.isBlank()) {
            int start = out.len;
            if (name.length() > 60 || !isPrintableAscii(name) || name.contains("=?")) encodedWords(out, name);
            else if (isAtoms(name)) out.ascii(name);
            else quoted(out, name);
            col = lastLineWidth(out, start, col);
            // Folding before the address keeps lines short whatever the name's length.
            if (col + 3 + email.length() > FOLD) out.crlf();
            out.put(' ');
        }
        out.put('<').ascii(email).put('>').crlf();
    }

    private static int lastLineWidth(ByteSink out, int start, int col) {
        for (int i = out.len - 1; i >= start; i--) if (out.buf[i] == '\n') return out.len - i - 1;
        return col + out.len - start;
    }

    /**
     * Raw text reads back unchanged if it is printable ASCII, trimmed, with no word too long to fold, and no
     * backslash before a space: jakarta reads a backslash before a fold as an escaped line break.
     */
    static boolean isPlainText(String s) {
        if (!isPrintableAscii(s) || s.contains("=?") || s.contains("\\ ") || s.startsWith(" ") || s.endsWith(" "))
            return false;
        int word = 0;
        for (int i = 0; i < s.length(); i++) {
            word = s.charAt(i) == ' ' ? 0 : word + 1;
            if (word > 66) return false;
        }
        return true;
    }

    private static boolean isPrintableAscii(String s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) < 0x20 || s.charAt(i) > 0x7E) return false;
        return true;
    }

    private static boolean isAtoms(String s) {
        if (s.startsWith(" ") || s.endsWith(" ") || s.contains("  ")) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c == ' ' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
                || ATEXT_SPECIALS.indexOf(c) >= 0)) return false;
        }
        return true;
    }

    private static void quoted(ByteSink out, String s) {
        out.put('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '"' || c == '\\') out.put('\\');
            out.put(c);
        }
        out.put('"');
    }

    /**
     * Folds before a space that starts a word; never inside a run of spaces, since some readers (jakarta's
     * unfold) collapse a fold and the spaces after it into one.
     */
    private static void folded(ByteSink out, int col, String s) {
        int i = 0;
        while (i < s.length()) {
            int next = s.indexOf(' ', i + 1);
            while (next > 0 && next + 1 < s.length() && s.charAt(next + 1) == ' ') next++;
            int end = next < 0 ? s.length() : next;
            if (i > 0 && col + end - i > FOLD) {
                out.crlf();
                col = 0;
            }
            out.ascii(s.subSequence(i, end));
            col += end - i;
            i = end;
        }
    }

    /** RFC 2047 "B" encoded-words of whole characters, one per line after the first. */
    static void encodedWords(ByteSink out, String s) {
        byte[] chunk = new byte[WORD_BYTES];
        ByteSink bytes = new ByteSink(4);
        int n = 0;
        boolean first = true;
        for (int i = 0; i < s.length(); ) {
            int cp = s.codePointAt(i);
            bytes.reset();
            bytes.codePoint(cp);
            if (n + bytes.len > WORD_BYTES) {
                first = word(out, chunk, n, first);
                n = 0;
            }
            System.arraycopy(bytes.buf, 0, chunk, n, bytes.len);
            n += bytes.len;
            i += Character.charCount(cp);
        }
        if (n > 0 || first) word(out, chunk, n, first);
    }

    private static boolean word(ByteSink out, byte[] chunk, int n, boolean first) {
        if (!first) out.crlf().put(' ');
        out.ascii("=?UTF-8?B?").base64(chunk, 0, n).ascii("?=");
        return false;
    }

    static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }
}
