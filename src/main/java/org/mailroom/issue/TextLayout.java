package org.mailroom.issue;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of plain text under a stack of prefixes (list markers, quote marks), wrapped at a width without
 * ever breaking a word: a URL longer than the line gets a line of its own, whole.
 */
final class TextLayout {
    private final int width;
    private final StringBuilder out;
    /** Where the line being written starts in {@code out}, before its prefixes. */
    private int lineStart;
    private final List<Frame> frames = new ArrayList<>();
    private boolean blankPending;
    /** The prefixes in force when the blank line was asked for: a quote's blank line opener stays outside it. */
    private String blankPrefix = "";

    /** A prefix: {@code first} on the first line written under it ("* ", "1. "), {@code rest} after ("  "). */
    private static final class Frame {
        final String first;
        final String rest;
        boolean used;

        Frame(String first, String rest) {
            this.first = first;
            this.rest = rest;
        }
    }

    /** {@code capacity}: the text's expected size, as growing by copying costs more than the writing itself. */
    TextLayout(int width, int capacity) {
        this.width = width;
        this.out = new StringBuilder(capacity);
    }

    void push(String first, String rest) {
        frames.add(new Frame(first, rest));
    }

    void pop() {
        frames.remove(frames.size() - 1);
    }

    /** Asks for one blank line before the next line written (never at the top, never two). */
    void blank() {
        if (blankPending || out.length() == 0) return;
        blankPending = true;
        blankPrefix = "";
        boolean marked = false;  // list indents alone make an empty prefix: no need to build one
        for (Frame f : frames) marked |= !f.rest.isBlank();
        if (!marked) return;
        StringBuilder p = new StringBuilder();
        for (Frame f : frames) p.append(f.rest);
        blankPrefix = p.toString().stripTrailing();
    }

    /** Writes a paragraph, wrapped; {@code \n} in it is a hard break. */
    void paragraph(String text) {
        paragraph(text, 0, text.length());
    }

    /** {@link #paragraph(String)} of {@code text[from, to)}, read in place. */
    void paragraph(String text, int from, int to) {
        int start = from;
        for (int nl = text.indexOf('\n', from); nl >= 0 && nl < to; nl = text.indexOf('\n', start)) {
            wrapStripped(text, start, nl);
            start = nl + 1;
        }
        wrapStripped(text, start, to);
    }

    /** Writes one line as it is, under the prefixes: code, link lists, table rows. */
    void verbatim(CharSequence text) {
        beginLine();
        out.append(text);
        endLine();
    }

    private void wrapStripped(String text, int from, int to) {
        while (from < to && Character.isWhitespace(text.charAt(from))) from++;
        while (to > from && Character.isWhitespace(text.charAt(to - 1))) to--;
        wrap(text, from, to);
    }

    /**
     * Words separated by runs of spaces, joined by one, in lines no longer than the space left (a longer word
     * alone), written straight into the text a line at a time.
     */
    private void wrap(String text, int from, int to) {
        int available = Math.max(20, width - peekPrefixLength());
        int first = -1;  // where the open line's first word starts in text; -1 while no line is open
        int last = 0;  // where its last word ends
        int length = 0;
        boolean spaced = true;  // whether its words are apart by one space, as most are
        int i = from;
        while (i < to) {
            while (i < to && text.charAt(i) == ' ') i++;
            int start = i;
            while (i < to && text.charAt(i) != ' ') i++;
            if (i == start) continue;
            if (first >= 0 && length + 1 + (i - start) > available) {
                line(text, first, last, spaced);
                first = -1;
                available = Math.max(20, width - peekPrefixLength());
            }
            if (first < 0) {
                first = start;
                length = i - start;
                spaced = true;
            } else {
                length += 1 + (i - start);
                spaced &= start == last + 1;
            }
            last = i;
        }
        if (first >= 0) line(text, first, last, spaced);
    }

    /** Writes the words of {@code text[from, to)}: in one append when they are already one space apart. */
    private void line(String text, int from, int to, boolean spaced) {
        beginLine();
        if (spaced && from == 0 && to == text.length()) {
            out.append(text);  // a whole String is appended in one copy, a part of one a char at a time
        } else if (spaced) {
            out.append(text, from, to);
        } else {
            for (int i = from; i < to; ) {
                while (text.charAt(i) == ' ') i++;
                int start = i;
                while (i < to && text.charAt(i) != ' ') i++;
                if (start > from) out.append(' ');
                out.append(text, start, i);
            }
        }
        endLine();
    }

    private int peekPrefixLength() {
        int n = 0;
        for (Frame f : frames) n += f.used ? f.rest.length() : f.first.length();
        return n;
    }

    private void beginLine() {
        if (blankPending) {
            out.append(blankPrefix).append('\n');
            blankPending = false;
        }
        lineStart = out.length();
        for (Frame f : frames) {
            out.append(f.used ? f.rest : f.first);
            f.used = true;
        }
    }

    private void endLine() {
        int end = out.length();  // without trailing whitespace, as String.stripTrailing() takes it off
        while (end > lineStart && Character.isWhitespace(out.codePointBefore(end))) end -= Character.charCount(out.codePointBefore(end));
        out.setLength(end);
        out.append('\n');
    }

    String text() {
        return out.toString();
    }

    /** The whole text as a text part: stripped, one final newline, defused, in one copy when nothing needs defusing. */
    String finish() {
        int end = out.length();
        while (end > 0 && Character.isWhitespace(out.charAt(end - 1))) end--;
        int start = 0;
        while (start < end && Character.isWhitespace(out.charAt(start))) start++;
        out.setLength(end);
        out.append('\n');
        String text = out.toString();  // read from a String: a builder's charAt checks its coder and bounds on every call
        return PlainText.defuse(text, start, text.length());
    }
}
