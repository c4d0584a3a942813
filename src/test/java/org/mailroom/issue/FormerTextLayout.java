package org.mailroom.issue;

import java.util.ArrayList;
import java.util.List;

/**
 * TextLayout as it was before it was made faster: the reference the current code must match.
 *
 * Lines of plain text under a stack of prefixes (list markers, quote marks), wrapped at a width without
 * ever breaking a word: a URL longer than the line gets a line of its own, whole.
 */
final class FormerTextLayout {
    private final int width;
    private final StringBuilder out = new StringBuilder();
    /** The line being wrapped, reused. */
    private final StringBuilder line = new StringBuilder();
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

    FormerTextLayout(int width) {
        this.width = width;
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
        StringBuilder p = new StringBuilder();
        for (Frame f : frames) p.append(f.rest);
        blankPrefix = p.toString().stripTrailing();
    }

    /** Writes a paragraph, wrapped; {@code \n} in it is a hard break. */
    void paragraph(String text) {
        int start = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
            wrap(text.substring(start, nl).strip());
            start = nl + 1;
        }
        wrap(text.substring(start).strip());
    }

    /** Writes one line as it is, under the prefixes: code, link lists, table rows. */
    void verbatim(String text) {
        emit(text);
    }

    /** Words separated by runs of spaces, joined by one, in lines no longer than the space left (a longer word alone). */
    private void wrap(String text) {
        if (text.isEmpty()) return;
        line.setLength(0);
        int available = Math.max(20, width - peekPrefixLength());
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && text.charAt(i) == ' ') i++;
            int start = i;
            while (i < text.length() && text.charAt(i) != ' ') i++;
            if (i == start) continue;
            if (line.length() > 0 && line.length() + 1 + (i - start) > available) {
                emit(line);
                line.setLength(0);
                available = Math.max(20, width - peekPrefixLength());
            }
            if (line.length() > 0) line.append(' ');
            line.append(text, start, i);
        }
        if (line.length() > 0) emit(line);
    }

    private int peekPrefixLength() {
        int n = 0;
        for (Frame f : frames) n += f.used ? f.rest.length() : f.first.length();
        return n;
    }

    private void emit(CharSequence content) {
        if (blankPending) {
            out.append(blankPrefix).append('\n');
            blankPending = false;
        }
        int start = out.length();
        for (Frame f : frames) {
            out.append(f.used ? f.rest : f.first);
            f.used = true;
        }
        out.append(content);
        int end = out.length();  // without trailing whitespace, as String.stripTrailing() takes it off
        while (end > start && Character.isWhitespace(out.codePointBefore(end))) end -= Character.charCount(out.codePointBefore(end));
        out.setLength(end);
        out.append('\n');
    }

    String text() {
        return out.toString();
    }
}
