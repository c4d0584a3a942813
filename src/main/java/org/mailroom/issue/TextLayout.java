package org.mailroom.issue;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines of plain text under a stack of prefixes (list markers, quote marks), wrapped at a width without
 * ever breaking a word: a URL longer than the line gets a line of its own, whole.
 */
final class TextLayout {
    private final int width;
    private final StringBuilder out = new StringBuilder();
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

    TextLayout(int width) {
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
    void verbatim(String line) {
        emit(line);
    }

    private void wrap(String text) {
        if (text.isEmpty()) return;
        StringBuilder line = new StringBuilder();
        int available = Math.max(20, width - peekPrefixLength());
        for (String word : words(text)) {
            if (line.length() > 0 && line.length() + 1 + word.length() > available) {
                emit(line.toString());
                line.setLength(0);
                available = Math.max(20, width - peekPrefixLength());
            }
            if (line.length() > 0) line.append(' ');
            line.append(word);
        }
        if (line.length() > 0) emit(line.toString());
    }

    /** Words separated by runs of spaces (no regex: this runs for every paragraph of every issue). */
    private static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            while (i < text.length() && text.charAt(i) == ' ') i++;
            int start = i;
            while (i < text.length() && text.charAt(i) != ' ') i++;
            if (i > start) words.add(text.substring(start, i));
        }
        return words;
    }

    private int peekPrefixLength() {
        int n = 0;
        for (Frame f : frames) n += f.used ? f.rest.length() : f.first.length();
        return n;
    }

    private void emit(String content) {
        if (blankPending) {
            out.append(blankPrefix).append('\n');
            blankPending = false;
        }
        StringBuilder line = new StringBuilder();
        for (Frame f : frames) {
            line.append(f.used ? f.rest : f.first);
            f.used = true;
        }
        line.append(content);
        out.append(line.toString().stripTrailing()).append('\n');
    }

    String text() {
        return out.toString();
    }
}
