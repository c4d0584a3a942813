package org.mailroom.issue;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TWiR writes {@code [disposition: merge][Stabilize X](https://...)}: a tag in brackets, then an inline link.
 * Python-Markdown reads it so, because {@code [Stabilize X]} is no reference; CommonMark first takes
 * {@code [disposition: merge][Stabilize X]} as one (undefined) reference link and the title and URL are lost.
 * A space between the brackets, where the second one is an inline link and no reference of that name
 * exists, gives CommonMark the same reading. Code blocks and code spans are left alone.
 * Also: a definition left without its URL ({@code [mtg-reddit]:}) would swallow every definition after it
 * into one paragraph in CommonMark; Python-Markdown skips it, and so does this, with a warning.
 */
final class ReferenceSpacing {
    /** What a reference definition starts with; {@link #definedLabels} finds the same. */
    static final Pattern DEFINITION = Pattern.compile("^ {0,3}\\[([^\\]]+)\\]:", Pattern.MULTILINE);
    private static final Pattern EMPTY_DEFINITION = Pattern.compile("^ {0,3}\\[[^\\]]+\\]:\\s*$");

    private ReferenceSpacing() {}

    static String fix(String body, Lint lint) {
        if (!body.contains("][") && !body.contains("]:")) return body;
        Set<String> defined = definedLabels(body);
        StringBuilder out = null;
        boolean fenced = false;
        int start = 0;
        int line = 0;
        int brackets = body.indexOf("][");
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            int first = start;
            while (first < end && Character.isWhitespace(body.charAt(first))) first++;
            if (body.startsWith("```", first) || body.startsWith("~~~", first)) fenced = !fenced;
            while (brackets >= 0 && brackets < start) brackets = body.indexOf("][", start);
            // Only a line with "][" or ending in ':' can change: the others are not copied out of the body.
            boolean candidate = !fenced && (brackets >= 0 && brackets < end || endsWithColon(body, start, end));
            String text = candidate ? body.substring(start, end) : null;
            String fixed = candidate ? fixLine(text, defined, lint, line) : null;
            if (fixed != text && out == null) out = new StringBuilder(body.length() + 16).append(body, 0, start);
            if (out != null) {
                if (fixed != null) out.append(fixed);
                else out.append(body, start, end);
                if (end < body.length()) out.append('\n');
            }
            start = end + 1;
            line++;
        }
        return out == null ? body : out.toString();
    }

    /** What {@code fixLine} looks for first: the line ends with ':', ": " or ":\t". */
    private static boolean endsWithColon(String body, int start, int end) {
        int last = end - 1;
        if (last >= start && (body.charAt(last) == ' ' || body.charAt(last) == '\t')) last--;
        return last >= start && body.charAt(last) == ':';
    }

    /**
     * The labels {@link #DEFINITION} finds, normalized: found line by line instead of trying the regex at every one of
     * the issue's characters (a twentieth of the parse).
     */
    static Set<String> definedLabels(String body) {
        Set<String> defined = new HashSet<>();
        int n = body.length();
        for (int i = 0; i < n; ) {
            int j = i;
            while (j < n && j - i < 3 && body.charAt(j) == ' ') j++;
            int close = j < n && body.charAt(j) == '[' ? body.indexOf(']', j + 1) : -1;
            boolean found = close > j + 1 && close + 1 < n && body.charAt(close + 1) == ':';
            if (found) defined.add(normalize(body.substring(j + 1, close)));
            i = nextLineStart(body, found ? close + 2 : i);
        }
        return defined;
    }

    /** Where the next line after {@code from} starts, as {@code ^} in MULTILINE mode sees lines; the length if none. */
    private static int nextLineStart(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\n' || c == '\u0085' || c == '\u2028' || c == '\u2029') return i + 1;
            if (c == '\r') return i + 1 < s.length() && s.charAt(i + 1) == '\n' ? i + 2 : i + 1;
        }
        return s.length();
    }

    private static String fixLine(String line, Set<String> defined, Lint lint, int index) {
        if (line.endsWith(":") || line.endsWith(": ") || line.endsWith(":\t")) {
            if (EMPTY_DEFINITION.matcher(line).matches()) {
                lint.warn(lint.lineOf(0) + index, "reference " + line.strip() + " has no URL: ignored");
                return "";
            }
        }
        if (!line.contains("][")) return line;
        StringBuilder b = new StringBuilder(line.length() + 4);
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '`') {
                int close = codeSpanEnd(line, i);
                b.append(line, i, close);
                i = close;
                continue;
            }
            if (c == ']' && i + 1 < line.length() && line.charAt(i + 1) == '[') {
                int close = matchingBracket(line, i + 1);
                if (close > 0 && close + 1 < line.length() && line.charAt(close + 1) == '('
                    && !defined.contains(normalize(line.substring(i + 2, close)))) {
                    b.append("] ");
                    i++;
                    continue;
                }
            }
            b.append(c);
            i++;
        }
        return b.toString();
    }

    /** The index after a code span opened at i (a run of backticks closed by a run of the same length). */
    private static int codeSpanEnd(String s, int i) {
        int run = i;
        while (run < s.length() && s.charAt(run) == '`') run++;
        String fence = s.substring(i, run);
        int close = s.indexOf(fence, run);
        return close < 0 ? run : close + fence.length();
    }

    /** The index of the ']' closing the '[' at open, skipping code spans, or -1. */
    private static int matchingBracket(String s, int open) {
        int depth = 0;
        int i = open;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '`') { i = codeSpanEnd(s, i); continue; }
            if (c == '\\') { i += 2; continue; }
            if (c == '[') depth++;
            else if (c == ']' && --depth == 0) return i;
            i++;
        }
        return -1;
    }

    /** {@code label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT)}, without compiling the regex per label. */
    static String normalize(String label) {
        String t = label.strip();  // strip() removes every \\s too: no run at either end
        StringBuilder b = new StringBuilder(t.length());
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (!isRegexSpace(c)) b.append(c);
            else if (!isRegexSpace(t.charAt(i - 1))) b.append(' ');
        }
        return b.toString().toLowerCase(Locale.ROOT);
    }

    /** What {@code \\s} matches (without UNICODE_CHARACTER_CLASS). */
    private static boolean isRegexSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == 0x0B || c == '\f' || c == '\r';
    }
}
