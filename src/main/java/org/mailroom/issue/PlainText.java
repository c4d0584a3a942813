package org.mailroom.issue;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Set;

/**
 * The plain-text part, written by walking the sanitized HTML: headings marked with {@code #}, paragraphs
 * wrapped at 72 columns, lists indented with {@code *}, code verbatim (indented 4), links as numbered
 * references {@code [1]} listed at the end of each section, tables as aligned columns or, when too wide,
 * as "header: value" records. Text nodes come decoded from jsoup, so no entity is left.
 */
final class PlainText implements NodeFilter {
    static final int WIDTH = 72;
    private static final Set<String> BLOCKS = Set.of("p", "div", "center", "figure", "figcaption", "details", "summary",
        "dl", "dt", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol");
    private final TextLayout layout;
    private final LinkNumbers links;
    private final StringBuilder inline = new StringBuilder();
    /** A link list's line, reused. */
    private final StringBuilder line = new StringBuilder();
    private final Deque<Integer> linkStarts = new ArrayDeque<>();

    private PlainText(int width, int capacity, LinkNumbers links) {
        this.layout = new TextLayout(width, capacity);
        this.links = links;
    }

    /** The text of a whole body, link lists included. */
    static String of(Element body) {
        PlainText t = new PlainText(WIDTH, 1 << 15, new LinkNumbers());
        NodeTraversor.filter(t, body);
        t.flush();
        t.listLinks();
        return t.layout.finish();
    }

    /** One line of text for a table cell, numbering its links in the document's sequence. */
    static String cell(Element cell, LinkNumbers links) {
        PlainText t = new PlainText(Integer.MAX_VALUE / 2, 64, links);
        NodeTraversor.filter(t, cell);
        t.flush();
        return t.layout.text().strip().replaceAll("\\s*\n\\s*", " ");
    }

    /** Tag names that, after a {@code <} and before a later {@code >}, read as markup. */
    private static final String[] TAGS = {"a", "p", "div", "span", "table", "td", "br", "li", "ul", "strong", "em", "code"};
    private static final String[] ENTITIES = {"amp;", "lt;", "gt;", "quot;", "nbsp;"};

    /**
     * Code quoted in text ({@code PartialOrd<A>}, {@code &nbsp;}) can look like HTML to a filter that
     * checks text parts for leftover markup; a word joiner after the {@code <} or {@code &} keeps it
     * readable and unmistakably text.
     */
    static String defuse(String text) {
        return defuse(text, 0, text.length());
    }

    /** {@link #defuse(String)} of {@code text[from, to)}: when nothing needs defusing, the text itself if it is all of it. */
    static String defuse(String text, int from, int to) {
        StringBuilder b = null;
        int copied = from;
        int lastGt = text.lastIndexOf('>', to - 1);
        int lt = text.indexOf('<', from);  // found with indexOf, which scans far faster than a loop over the chars
        int amp = text.indexOf('&', from);
        while (true) {
            int i = lt < 0 ? amp : amp < 0 ? lt : Math.min(lt, amp);
            if (i < 0 || i >= to) break;
            boolean markup;
            if (i == lt) {
                markup = looksLikeTag(text, i + 1, to, lastGt);
                lt = text.indexOf('<', i + 1);
            } else {
                markup = looksLikeEntity(text, i + 1, to);
                amp = text.indexOf('&', i + 1);
            }
            if (!markup) continue;
            if (b == null) b = new StringBuilder(to - from + 16);
            b.append(text, copied, i + 1).append('\u2060');
            copied = i + 1;
        }
        return b == null ? text.substring(from, to) : b.append(text, copied, to).toString();
    }

    /** A known tag name (ASCII letters in any case), ending at a word boundary, with a {@code >} somewhere after. */
    private static boolean looksLikeTag(String text, int at, int to, int lastGt) {
        for (String tag : TAGS) {
            int end = at + tag.length();
            if (end > lastGt || !startsWithIgnoreAsciiCase(text, at, tag)) continue;
            int cp = Character.codePointAt(text, end);  // end < lastGt < to: the name is followed by something
            return cp != '_' && !Character.isLetterOrDigit(cp) && Character.getType(cp) != Character.NON_SPACING_MARK;
        }
        return false;
    }

    private static boolean startsWithIgnoreAsciiCase(String text, int at, String lower) {
        for (int k = 0; k < lower.length(); k++) {
            char c = text.charAt(at + k);
            if (c != lower.charAt(k) && c != lower.charAt(k) - 32) return false;
        }
        return true;
    }

    /** {@code amp;}, {@code lt;}, {@code gt;}, {@code quot;}, {@code nbsp;} or {@code #}digits{@code ;}. */
    private static boolean looksLikeEntity(String text, int at, int to) {
        if (at < to && text.charAt(at) == '#') {
            int i = at + 1;
            while (i < to && text.charAt(i) >= '0' && text.charAt(i) <= '9') i++;
            return i > at + 1 && i < to && text.charAt(i) == ';';
        }
        for (String e : ENTITIES)
            if (at + e.length() <= to && regionEquals(text, at, e)) return true;
        return false;
    }

    private static boolean regionEquals(String text, int at, String s) {
        for (int k = 0; k < s.length(); k++) if (text.charAt(at + k) != s.charAt(k)) return false;
        return true;
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (node instanceof TextNode t) {
            text(t);
            return FilterResult.CONTINUE;
        }
        if (!(node instanceof Element e) || depth == 0) return FilterResult.CONTINUE;
        return switch (e.normalName()) {
            case "pre" -> pre(e);
            case "table" -> table(e);
            case "br" -> { inline.append('\n'); yield FilterResult.CONTINUE; }
            case "hr" -> { block(); layout.verbatim("-".repeat(24)); layout.blank(); yield FilterResult.CONTINUE; }
            case "img" -> { word("[image: " + e.attr("alt").strip() + "]"); yield FilterResult.CONTINUE; }
            case "a" -> anchor(e);
            case "code" -> { inline.append('`'); yield FilterResult.CONTINUE; }
            case "li" -> { listItem(e); yield FilterResult.CONTINUE; }
            case "blockquote" -> { block(); layout.push("> ", "> "); yield FilterResult.CONTINUE; }
            case "dd" -> { flush(); layout.push("    ", "    "); yield FilterResult.CONTINUE; }
            default -> { blockHead(e); yield FilterResult.CONTINUE; }
        };
    }

    @Override
    public FilterResult tail(Node node, int depth) {
        if (!(node instanceof Element e) || depth == 0) return FilterResult.CONTINUE;
        switch (e.normalName()) {
            case "a" -> anchorTail(e);
            case "code" -> inline.append('`');
            case "li", "blockquote", "dd" -> { flush(); layout.pop(); }
            case "h1", "h2", "h3", "h4", "h5", "h6" -> { flush(); layout.pop(); }
            default -> { if (BLOCKS.contains(e.normalName())) flush(); }
        }
        return FilterResult.CONTINUE;
    }

    private void blockHead(Element e) {
        String name = e.normalName();
        if (!BLOCKS.contains(name)) return;
        if (name.length() == 2 && name.charAt(0) == 'h' && Character.isDigit(name.charAt(1))) {
            if (name.charAt(1) <= '2') { flush(); listLinks(); }
            block();
            String marks = "#".repeat(name.charAt(1) - '0') + " ";
            layout.push(marks, " ".repeat(marks.length()));
        } else if ((name.equals("ul") || name.equals("ol")) && e.parent() != null && e.parent().normalName().equals("li")) {
            flush();
        } else if (name.equals("p") && e.parent() != null && (e.parent().normalName().equals("li") || e.parent().normalName().equals("dd")) && e.elementSiblingIndex() == 0) {
            flush();
        } else {
            block();
        }
    }

    private void block() {
        flush();
        layout.blank();
    }

    private void listItem(Element li) {
        flush();
        Element list = li.parent();
        String marker = "* ";
        if (list != null && list.normalName().equals("ol")) {
            int n = li.elementSiblingIndex() + 1;
            if (list.parent() != null && list.parent().hasClass("footnotes")) marker = "[^" + n + "] ";
            else marker = (parseStart(list.attr("start")) + n - 1) + ". ";
        }
        layout.push(marker, " ".repeat(marker.length()));
    }

    private static int parseStart(String s) {
        try {
            return s.isBlank() ? 1 : Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return 1;
        }
    }

    private FilterResult anchor(Element a) {
        String href = a.attr("href");
        if (a.hasClass("footnote-backref")) return FilterResult.SKIP_ENTIRELY;
        if (a.hasClass("footnote-ref")) { word("[^" + a.text().strip() + "]"); return FilterResult.SKIP_ENTIRELY; }
        linkStarts.push(inline.length());
        return FilterResult.CONTINUE;
    }

    private void anchorTail(Element a) {
        if (linkStarts.isEmpty()) return;
        int start = Math.min(linkStarts.pop(), inline.length());
        String href = a.attr("href");
        if (href.isEmpty() || href.startsWith("#")) return;
        int end = inline.length();
        while (start < end && Character.isWhitespace(inline.charAt(start))) start++;
        while (end > start && Character.isWhitespace(inline.charAt(end - 1))) end--;
        if (isUrlText(inline, start, end, href)) return;
        inline.append(" [").append(links.number(href)).append(']');
    }

    private static final String[] SCHEMES = {"https://", "http://", "mailto:"};

    /**
     * Whether a link's text, {@code label[from, to)}, is its URL, whole or as people write it in text (no
     * scheme, no trailing slash, or a slash added): compared in place, as nearly every link has other text.
     */
    private static boolean isUrlText(CharSequence label, int from, int to, String href) {
        if (sameChars(label, from, to, href, 0, href.length())) return true;
        int s = 0;
        for (String scheme : SCHEMES)
            if (href.startsWith(scheme)) { s = scheme.length(); break; }
        int e = href.length() > s && href.endsWith("/") ? href.length() - 1 : href.length();
        if (sameChars(label, from, to, href, s, e)) return true;
        return to > from && label.charAt(to - 1) == '/' && sameChars(label, from, to - 1, href, s, e);
    }

    private static boolean sameChars(CharSequence a, int from, int to, String b, int bFrom, int bTo) {
        if (to - from != bTo - bFrom) return false;
        for (int i = 0; i < to - from; i++) if (a.charAt(from + i) != b.charAt(bFrom + i)) return false;
        return true;
    }

    private FilterResult pre(Element pre) {
        block();
        String code = pre.wholeText();
        if (code.endsWith("\n")) code = code.substring(0, code.length() - 1);
        for (String line : code.split("\n", -1)) layout.verbatim("    " + line.replace('\u00A0', ' '));
        layout.blank();
        return FilterResult.SKIP_ENTIRELY;
    }

    private FilterResult table(Element table) {
        block();
        TableText.write(table, layout, links, WIDTH);
        layout.blank();
        return FilterResult.SKIP_ENTIRELY;
    }

    /** Runs of whitespace as one space; the words between are appended whole. */
    private void text(TextNode t) {
        String s = t.getWholeText();
        if (isSpaced(s)) {
            inline.append(s);  // one bulk copy: a builder appends a part of a String a char at a time
            return;
        }
        int word = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!Character.isWhitespace(c) && c != '\u00A0') continue;
            if (word < i) inline.append(s, word, i);
            word = i + 1;
            int n = inline.length();
            if (n > 0 && inline.charAt(n - 1) != ' ' && inline.charAt(n - 1) != '\n') inline.append(' ');
        }
        if (word < s.length()) inline.append(s, word, s.length());
    }

    private void word(String w) {
        inline.append(w);
    }

    /** Whether the text would be appended as it is: its only whitespace single spaces, none after a space or break. */
    private boolean isSpaced(String s) {
        int n = inline.length();
        boolean afterSpace = n == 0 || inline.charAt(n - 1) == ' ' || inline.charAt(n - 1) == '\n';
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c > ' ' && c < 0x7f) {  // visible ASCII, most of the text, needs no look-up
                afterSpace = false;
                continue;
            }
            boolean space = Character.isWhitespace(c) || c == '\u00A0';
            if (space && (c != ' ' || afterSpace)) return false;
            afterSpace = space;
        }
        return true;
    }

    /** Writes the pending inline text as a paragraph, stripped and split in place, without copies of its parts. */
    private void flush() {
        if (inline.length() == 0) return;
        String s = inline.toString();
        inline.setLength(0);
        int from = 0;
        int to = s.length();
        while (from < to && Character.isWhitespace(s.charAt(from))) from++;
        while (to > from && Character.isWhitespace(s.charAt(to - 1))) to--;
        if (from < to) layout.paragraph(s, from, to);
    }

    private void listLinks() {
        var pending = links.takePending();
        if (pending.isEmpty()) return;
        layout.blank();
        for (var e : pending) {
            line.setLength(0);
            layout.verbatim(line.append('[').append(e.getKey().intValue()).append("] ").append(e.getValue()));
        }
        layout.blank();
    }
}
