package org.mailroom.issue;

import java.util.Set;

/**
 * Refuses Markdown nested deeper than any issue needs, before a recursive parser or renderer meets it:
 * 10,000 {@code >} or list markers, or 10,000 unclosed HTML tags, would overflow the stack or take
 * quadratic time. The measure is deliberately rough (it counts markers at the start of lines and open
 * minus closed container tags); real issues stay far below the limit.
 */
final class NestingGuard {
    static final int MAX_DEPTH = 100;
    private static final Set<String> CONTAINERS = Set.of("div", "span", "p", "blockquote", "ul", "ol", "li", "table",
        "tbody", "thead", "tr", "td", "th", "a", "b", "i", "u", "s", "em", "strong", "small", "big", "sub", "sup", "code",
        "pre", "details", "summary", "section", "article", "aside", "header", "footer", "nav", "main", "figure", "font",
        "center", "dl", "dt", "dd", "q", "cite", "abbr", "mark", "del", "ins", "kbd", "samp", "var", "tt", "strike",
        "h1", "h2", "h3", "h4", "h5", "h6", "label", "button", "form", "select", "caption", "object", "svg", "g", "math");

    private NestingGuard() {}

    static void check(String file, String body, int firstLine) {
        int line = firstLine;
        int htmlDepth = 0;
        int start = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            int markers = containerMarkers(body, start, end);
            if (markers > MAX_DEPTH) fail(file, line, markers + " nested quote or list markers");
            htmlDepth = Math.max(0, htmlDepth + tagBalance(body, start, end));
            if (htmlDepth > MAX_DEPTH) fail(file, line, htmlDepth + " nested HTML tags");
            start = end + 1;
            line++;
        }
    }

    private static void fail(String file, int line, String what) {
        throw new IssueException(file, line, "nested too deep: " + what + " (at most " + MAX_DEPTH + ")");
    }

    /** Quote and list markers at the start of a line ({@code > > - * 1.}), plus one level per 4 columns of indent. */
    static int containerMarkers(String s, int i, int end) {
        int count = 0;
        int indent = 0;
        while (i < end) {
            char c = s.charAt(i);
            if (c == ' ') { indent++; i++; }
            else if (c == '\t') { indent += 4; i++; }
            else if (c == '>') { count++; i++; }
            else if ((c == '*' || c == '-' || c == '+') && i + 1 < end && s.charAt(i + 1) == ' ') { count++; i += 2; }
            else if (Character.isDigit(c)) {
                int j = i;
                while (j < end && j - i < 9 && Character.isDigit(s.charAt(j))) j++;
                if (j < end && (s.charAt(j) == '.' || s.charAt(j) == ')') && j + 1 < end && s.charAt(j + 1) == ' ') { count++; i = j + 2; }
                else break;
            } else break;
        }
        return count + indent / 4;
    }

    /** Opened minus closed container tags on one line; void and unknown tags (Rust's {@code Vec<T>}) do not count. */
    static int tagBalance(String s, int start, int end) {
        int balance = 0;
        int i = s.indexOf('<', start);
        while (i >= 0 && i < end) {
            int j = i + 1;
            boolean close = j < end && s.charAt(j) == '/';
            if (close) j++;
            int nameStart = j;
            while (j < end && Character.isLetterOrDigit(s.charAt(j))) j++;
            if (j > nameStart && CONTAINERS.contains(s.substring(nameStart, j).toLowerCase(java.util.Locale.ROOT))) {
                int gt = s.indexOf('>', j);
                boolean selfClosing = gt > 0 && gt <= end && s.charAt(gt - 1) == '/';
                if (!selfClosing) balance += close ? -1 : 1;
            }
            i = s.indexOf('<', j);
        }
        return balance;
    }
}
