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
 * PlainText as it was before it was made faster: the reference the current code must match.
 *
 * The plain-text part, written by walking the sanitized HTML: headings marked with {@code #}, paragraphs
 * wrapped at 72 columns, lists indented with {@code *}, code verbatim (indented 4), links as numbered
 * references {@code [1]} listed at the end of each section, tables as aligned columns or, when too wide,
 * as "header: value" records. Text nodes come decoded from jsoup, so no entity is left.
 */
final class FormerPlainText implements NodeFilter {
    static final int WIDTH = 72;
    private static final Set<String> BLOCKS = Set.of("p", "div", "center", "figure", "figcaption", "details", "summary",
        "dl", "dt", "caption", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol");
    private final FormerTextLayout layout;
    private final FormerLinkNumbers links;
    private final StringBuilder inline = new StringBuilder();
    private final Deque<Integer> linkStarts = new ArrayDeque<>();

    private FormerPlainText(int width, FormerLinkNumbers links) {
        this.layout = new FormerTextLayout(width);
        this.links = links;
    }

    /** The text of a whole body, link lists included. */
    static String of(Element body) {
        FormerPlainText t = new FormerPlainText(WIDTH, new FormerLinkNumbers());
        NodeTraversor.filter(t, body);
        t.flush();
        t.listLinks();
        return defuse(t.layout.text().strip() + "\n");
    }

    /** One line of text for a table cell, numbering its links in the document's sequence. */
    static String cell(Element cell, FormerLinkNumbers links) {
        FormerPlainText t = new FormerPlainText(Integer.MAX_VALUE / 2, links);
        NodeTraversor.filter(t, cell);
        t.flush();
        return t.layout.text().strip().replaceAll("\\s*\n\\s*", " ");
    }

    private static final java.util.regex.Pattern TAG = java.util.regex.Pattern.compile(
        "(a|p|div|span|table|td|br|li|ul|strong|em|code)\\b[^>]*>", java.util.regex.Pattern.CASE_INSENSITIVE);
    private static final java.util.regex.Pattern ENTITY = java.util.regex.Pattern.compile("(amp|lt|gt|quot|nbsp|#\\d+);");

    /**
     * Code quoted in text ({@code PartialOrd<A>}, {@code &nbsp;}) can look like HTML to a filter that
     * checks text parts for leftover markup; a word joiner after the {@code <} or {@code &} keeps it
     * readable and unmistakably text.
     */
    static String defuse(String text) {
        StringBuilder b = null;
        int copied = 0;
        java.util.regex.Matcher tag = TAG.matcher(text);
        java.util.regex.Matcher entity = ENTITY.matcher(text);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '<' && c != '&') continue;
            java.util.regex.Matcher m = c == '<' ? tag : entity;
            if (!m.region(i + 1, text.length()).lookingAt()) continue;
            if (b == null) b = new StringBuilder(text.length() + 16);
            b.append(text, copied, i + 1).append('\u2060');
            copied = i + 1;
        }
        return b == null ? text : b.append(text, copied, text.length()).toString();
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
        String label = inline.substring(start).strip();
        String bare = bare(href);
        if (label.equals(href) || label.equals(bare) || label.equals(bare + "/")) return;
        inline.append(" [").append(links.number(href)).append(']');
    }

    /** The URL as people write it in text: no scheme, no trailing slash. */
    private static String bare(String href) {
        String s = href;
        for (String scheme : new String[] {"https://", "http://", "mailto:"})
            if (s.startsWith(scheme)) { s = s.substring(scheme.length()); break; }
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
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
        FormerTableText.write(table, layout, links, WIDTH);
        layout.blank();
        return FilterResult.SKIP_ENTIRELY;
    }

    private void text(TextNode t) {
        String s = t.getWholeText();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                int n = inline.length();
                if (n > 0 && inline.charAt(n - 1) != ' ' && inline.charAt(n - 1) != '\n') inline.append(' ');
            } else {
                inline.append(c);
            }
        }
    }

    private void word(String w) {
        inline.append(w);
    }

    private void flush() {
        if (inline.length() == 0) return;
        String s = inline.toString().strip();
        inline.setLength(0);
        if (!s.isEmpty()) layout.paragraph(s);
    }

    private void listLinks() {
        var pending = links.takePending();
        if (pending.isEmpty()) return;
        layout.blank();
        for (var e : pending) layout.verbatim("[" + e.getKey() + "] " + e.getValue());
        layout.blank();
    }
}
