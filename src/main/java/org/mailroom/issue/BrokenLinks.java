package org.mailroom.issue;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;

import java.util.Set;

/**
 * Link syntax Markdown could not read, left as text: {@code [text](https://...} never closed, a URL
 * broken over two lines, a {@code ](url)} whose opening bracket sits in another element. A reader
 * would see raw brackets and a dead URL; the editor gets a warning and the reader a working link.
 */
final class BrokenLinks {
    private BrokenLinks() {}

    static void repair(Element body, Lint lint) {
        for (TextNode t : TextNodes.outside(body, Set.of("a", "code", "pre"), "](")) repairIn(t, lint);
    }

    private static void repairIn(TextNode node, Lint lint) {
        TextNode t = node;
        while (t != null) {
            String s = t.getWholeText();
            int mark = find(s, 0);
            if (mark < 0) return;
            int open = s.lastIndexOf('[', mark);
            int urlStart = mark + 2;
            int end = urlStart;
            while (end < s.length() && !Character.isWhitespace(s.charAt(end)) && s.charAt(end) != ')') end++;
            String url = s.substring(urlStart, end);
            int after = end;
            if (end < s.length() && s.charAt(end) == '\n') {
                int next = end + 1;
                while (next < s.length() && !Character.isWhitespace(s.charAt(next)) && s.charAt(next) != ')') next++;
                if (next < s.length() && s.charAt(next) == ')') { url += s.substring(end + 1, next); after = next; }
            }
            boolean closed = after < s.length() && s.charAt(after) == ')';
            if (closed) after++;
            else while (url.length() > 1 && ".,;:!?".indexOf(url.charAt(url.length() - 1)) >= 0) { url = url.substring(0, url.length() - 1); after--; }
            int textStart = open >= 0 ? open : 0;
            String label = s.substring(open >= 0 ? open + 1 : 0, mark).strip();
            lint.warn(lint.lineOfText("](" + s.substring(urlStart, end)),
                "broken link syntax around '" + label + "' (" + (closed ? "no opening [" : "no closing )") + "): made a link to " + url);
            TextNode rest = after < s.length() ? t.splitText(after) : null;
            TextNode linkText = t.splitText(textStart);
            Element a = new Element("a").attr("href", url).text(label.isEmpty() ? url : label);
            linkText.replaceWith(a);
            t = rest;
        }
    }

    /** Index of the next {@code ](} followed by an absolute or root-relative URL, or -1. */
    private static int find(String s, int from) {
        for (int i = s.indexOf("](", from); i >= 0; i = s.indexOf("](", i + 2)) {
            if (s.startsWith("http://", i + 2) || s.startsWith("https://", i + 2) || s.startsWith("/", i + 2)) return i;
        }
        return -1;
    }
}
