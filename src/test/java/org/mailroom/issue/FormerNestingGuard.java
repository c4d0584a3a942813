package org.mailroom.issue;

import java.util.Set;

/** NestingGuard as it was before it was made faster: the reference its behaviour (text, warnings, errors) must match. */
final class FormerNestingGuard {
    static final int MAX_DEPTH = 100;
    /** flexmark's link parsing is quadratic in the brackets of one paragraph; TWiR's busiest has 144. */
    static final int MAX_BRACKETS = 500;
    /** A long run of emphasis markers overflows the stack of flexmark's delimiter regex. */
    static final int MAX_RUN = 300;
    private static final Set<String> CONTAINERS = Set.of("div", "span", "p", "blockquote", "ul", "ol", "li", "table",
        "tbody", "thead", "tr", "td", "th", "a", "b", "i", "u", "s", "em", "strong", "small", "big", "sub", "sup", "code",
        "pre", "details", "summary", "section", "article", "aside", "header", "footer", "nav", "main", "figure", "font",
        "center", "dl", "dt", "dd", "q", "cite", "abbr", "mark", "del", "ins", "kbd", "samp", "var", "tt", "strike",
        "h1", "h2", "h3", "h4", "h5", "h6", "label", "button", "form", "select", "caption", "object", "svg", "g", "math");

    private FormerNestingGuard() {}

    static void check(String file, String body, int firstLine) {
        int line = firstLine;
        int htmlDepth = 0;
        int start = 0;
        int brackets = 0;
        while (start <= body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            int load = blank(body, start, end) ? 0 : inlineLoad(body, start, end, file, line);
            // A list item, heading, quote or table row starts new inline content: count from zero.
            brackets = startsBlock(body, start, end) ? load : brackets + load;
            if (brackets > MAX_BRACKETS)
                throw new IssueException(file, line, "more than " + MAX_BRACKETS + " '[' in one paragraph: refused");
            int markers = containerMarkers(body, start, end);
            if (markers > MAX_DEPTH) fail(file, line, markers + " nested quote or list markers");
            htmlDepth = tagDepth(body, start, end, htmlDepth, file, line);
            start = end + 1;
            line++;
        }
    }

    private static boolean startsBlock(String s, int start, int end) {
        int i = start;
        while (i < end && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) i++;
        if (i >= end) return true;
        char c = s.charAt(i);
        if (c == '#' || c == '>' || c == '|') return true;
        if ((c == '*' || c == '-' || c == '+') && i + 1 < end && s.charAt(i + 1) == ' ') return true;
        int j = i;
        while (j < end && Character.isDigit(s.charAt(j))) j++;
        return j > i && j + 1 < end && (s.charAt(j) == '.' || s.charAt(j) == ')') && s.charAt(j + 1) == ' ';
    }

    private static boolean blank(String s, int start, int end) {
        for (int i = start; i < end; i++) if (!Character.isWhitespace(s.charAt(i))) return false;
        return true;
    }

    /** The line's '[' count; fails on a run of one emphasis or code marker longer than {@link #MAX_RUN}. */
    private static int inlineLoad(String s, int start, int end, String file, int line) {
        int brackets = 0;
        int run = 0;
        char prev = 0;
        for (int i = start; i < end; i++) {
            char c = s.charAt(i);
            if (c == '[') brackets++;
            run = (c == prev && (c == '*' || c == '_' || c == '`' || c == '~')) ? run + 1 : 1;
            if (run > MAX_RUN) throw new IssueException(file, line, "a run of more than " + MAX_RUN + " '" + c + "' characters: refused");
            prev = c;
        }
        return brackets;
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

    /** The open-tag depth after this line, failing as soon as it passes the limit; void and unknown tags (Rust's {@code Vec<T>}) do not count. */
    static int tagDepth(String s, int start, int end, int depth, String file, int line) {
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
                if (!selfClosing) depth = Math.max(0, depth + (close ? -1 : 1));
                if (depth > MAX_DEPTH) fail(file, line, depth + " nested HTML tags");
            }
            i = s.indexOf('<', j);
        }
        return depth;
    }
}
