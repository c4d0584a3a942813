package org.mailroom.issue.inline;

/**
 * A cursor over CSS text that knows what CSS syntax protects: strings, escapes, comments and
 * bracketed groups. The parser uses it so that a ';' or '}' inside a string or url() never ends a rule.
 */
final class CssReader {
    private final String s;
    private int pos;

    CssReader(String s) {
        this.s = s;
    }

    boolean atEnd() {
        return pos >= s.length();
    }

    char peek() {
        return s.charAt(pos);
    }

    void skip() {
        if (pos < s.length()) pos++;
    }

    /** Skips whitespace and comments; at the top level of a stylesheet also the HTML comment markers CSS tolerates. */
    void skipBlank(boolean htmlMarkers) {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (Character.isWhitespace(c)) {
                pos++;
            } else if (s.startsWith("/*", pos)) {
                skipComment();
            } else if (htmlMarkers && s.startsWith("<!--", pos)) {
                pos += 4;
            } else if (htmlMarkers && s.startsWith("-->", pos)) {
                pos += 3;
            } else {
                return;
            }
        }
    }

    /** An identifier such as an at-rule's name; empty if none starts here. */
    String readName() {
        int start = pos;
        while (pos < s.length() && isNameChar(s.charAt(pos))) pos++;
        return s.substring(start, pos);
    }

    /**
     * The text up to the first of {@code stops} that is outside strings and brackets (and braces, if
     * {@code nestBraces}); the stop itself is not consumed. Comments become one space.
     */
    String readUntil(String stops, boolean nestBraces) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (depth == 0 && stops.indexOf(c) >= 0) break;
            if (c == '/' && s.startsWith("/*", pos)) {
                skipComment();
                out.append(' ');
                continue;
            }
            if (c == '"' || c == '\'') {
                copyString(out);
                continue;
            }
            if (c == '\\') {
                copyEscape(out);
                continue;
            }
            if (c == '(' || c == '[' || (nestBraces && c == '{')) depth++;
            else if ((c == ')' || c == ']' || (nestBraces && c == '}')) && depth > 0) depth--;
            out.append(c);
            pos++;
        }
        return out.toString();
    }

    /** At a '{': the raw text up to its matching '}' (or the end, which closes every open block). */
    String readBlock() {
        int start = ++pos;
        int depth = 1;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '/' && s.startsWith("/*", pos)) {
                skipComment();
            } else if (c == '"' || c == '\'') {
                copyString(null);
            } else if (c == '\\') {
                pos += 2;
            } else {
                if (c == '{') depth++;
                if (c == '}' && --depth == 0) return s.substring(start, pos++);
                pos++;
            }
        }
        return s.substring(start, Math.min(pos, s.length()));
    }

    private void skipComment() {
        int end = s.indexOf("*/", pos + 2);
        pos = end < 0 ? s.length() : end + 2;
    }

    /** Copies a quoted string; like CSS, an unescaped newline ends an unterminated one. */
    private void copyString(StringBuilder out) {
        char quote = s.charAt(pos);
        int start = pos++;
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '\\') {
                pos += 2;
                continue;
            }
            pos++;
            if (c == quote || c == '\n') break;
        }
        pos = Math.min(pos, s.length());
        if (out != null) out.append(s, start, pos);
    }

    private void copyEscape(StringBuilder out) {
        int end = Math.min(pos + 2, s.length());
        out.append(s, pos, end);
        pos = end;
    }

    static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '_' || c >= 0x80;
    }

    /** Trims and collapses runs of whitespace to one space, except inside strings. */
    static String collapse(String text) {
        StringBuilder out = new StringBuilder(text.length());
        char quote = 0;
        boolean space = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (quote == 0 && Character.isWhitespace(c)) {
                space = true;
                continue;
            }
            if (space && out.length() > 0) out.append(' ');
            space = false;
            if (quote == 0 && (c == '"' || c == '\'')) quote = c;
            else if (c == quote && text.charAt(i - 1) != '\\') quote = 0;
            out.append(c);
        }
        return out.toString();
    }
}
