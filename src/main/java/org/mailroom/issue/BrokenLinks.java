package org.mailroom.issue;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Link syntax Markdown could not read, left as text: {@code [text](https://...} never closed, a URL
 * broken over two lines, a {@code ](url)} whose opening bracket sits in another element. A reader
 * would see raw brackets and a dead URL; the editor gets a warning and the reader a working link.
 */
final class BrokenLinks {
    private BrokenLinks() {}

    /** Whether a text holds broken link syntax; those outside links and code are to be repaired. */
    static boolean isBroken(String text) {
        return find(text, 0) >= 0;
    }

    /** The links made of a text's broken link syntax, in order. */
    static List<Element> repair(TextNode node, Lint lint) {
        List<Element> made = new ArrayList<>();
        repairIn(node, lint, made);
        return made;
    }

    /** One piece of broken link syntax in a text: where its text starts, its label, its URL, where it ends. */
    private record Broken(int start, String label, String url, int after, String problem) {}

    private static void repairIn(TextNode node, Lint lint, List<Element> made) {
        TextNode t = node;
        while (t != null) {
            String s = t.getWholeText();
            int mark = find(s, 0);
            if (mark < 0) return;
            Broken b = parse(s, mark);
            String needle = "](" + firstLine(b.url(), s, mark);
            int line = lint.lineOfText(b.label() + needle);
            if (line == 0) line = lint.lineOfText(needle);
            if (line == 0) line = lint.lineOfText(firstLine(b.url(), s, mark));
            lint.warn(line,
                "broken link syntax around '" + b.label() + "' (" + b.problem() + "): made a link to " + b.url());
            TextNode rest = b.after() < s.length() ? t.splitText(b.after()) : null;
            TextNode linkText = t.splitText(b.start());
            Element link = new Element("a").attr("href", b.url()).text(b.label().isEmpty() ? b.url() : b.label());
            linkText.replaceWith(link);
            made.add(link);
            t = rest;
        }
    }

    /** Reads {@code [label](url)} around the {@code ](} at mark, forgiving a URL broken over two lines or never closed. */
    private static Broken parse(String s, int mark) {
        int open = s.lastIndexOf('[', mark);
        int urlStart = urlStart(s, mark);
        boolean doubled = s.charAt(urlStart - 2) == '(';
        int end = urlEnd(s, urlStart);
        String url = s.substring(urlStart, end);
        int after = end;
        boolean joined = false;
        if (end < s.length() && s.charAt(end) == '\n') {
            int next = urlEnd(s, end + 1);
            if (next < s.length() && s.charAt(next) == ')') { url += s.substring(end + 1, next); after = next; joined = true; }
        }
        boolean closed = after < s.length() && s.charAt(after) == ')';
        if (closed) after += doubled && after + 1 < s.length() && s.charAt(after + 1) == ')' ? 2 : 1;
        else while (url.length() > 1 && ".,;:!?".indexOf(url.charAt(url.length() - 1)) >= 0) { url = url.substring(0, url.length() - 1); after--; }
        String label = s.substring(open >= 0 ? open + 1 : 0, mark).strip();
        String problem = open < 0 ? "no opening [" : !closed ? "no closing )" : joined ? "URL broken over two lines"
            : doubled ? "doubled (" : s.charAt(mark + 1) == ' ' ? "space between ] and (" : "unreadable";
        return new Broken(Math.max(open, 0), label, url, after, problem);
    }

    private static int urlEnd(String s, int from) {
        int i = from;
        while (i < s.length() && !Character.isWhitespace(s.charAt(i)) && s.charAt(i) != ')') i++;
        return i;
    }

    private static String firstLine(String url, String s, int mark) {
        int start = urlStart(s, mark);
        return s.substring(start, Math.min(urlEnd(s, start), start + url.length()));
    }

    /** Index of the next ']' followed by a link's URL part ({@code (https://}, {@code (/}, also {@code ] (} and {@code ((}), or -1. */
    private static int find(String s, int from) {
        for (int i = s.indexOf(']', from); i >= 0; i = s.indexOf(']', i + 1)) if (urlStart(s, i) > 0) return i;
        return -1;
    }

    /** Where the URL starts after the ']' at mark, forgiving one space before and one doubled '('; -1 if no URL follows. */
    private static int urlStart(String s, int mark) {
        int i = mark + 1;
        if (i < s.length() && s.charAt(i) == ' ') i++;
        if (i >= s.length() || s.charAt(i) != '(') return -1;
        i++;
        if (i < s.length() && s.charAt(i) == '(') i++;
        return s.startsWith("http://", i) || s.startsWith("https://", i) || s.startsWith("/", i) && !s.startsWith("//", i) ? i : -1;
    }
}
