package org.mailroom.issue;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Whether parsing the cleaned body's HTML again would build the very same tree, so that the inliner may take the
 * tree instead of parsing the themed page. A tree the parser built from the issue's HTML is built again from its
 * serialization, except where something bent the parser's rules: tables that move misplaced content out in front
 * of them (the editor's raw table markup, or a raw cell tag inside a Markdown table, can nest an {@code <li>} in an
 * {@code <li>} that way), elements the cleaner dropped (their children are left where the parser would not put
 * them), and what the repairs after parsing did. Each check errs towards "no": then the page is parsed as before.
 */
final class ReparseGuard {
    private static final Set<String> TABLE_TAGS = Set.of("table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "td", "th");
    /** The elements a table part may hold as the parser builds it: anything else it moves out ({@code <a>} before the table). */
    private static final Map<String, Set<String>> TABLE_PARTS = Map.of(
        "table", Set.of("caption", "colgroup", "thead", "tbody", "tfoot"), "colgroup", Set.of("col"),
        "thead", Set.of("tr"), "tbody", Set.of("tr"), "tfoot", Set.of("tr"), "tr", Set.of("td", "th"));

    /** And where each table part must be, as the parser puts it (elsewhere, its tag closes the theme's own cell). */
    private static final Map<String, Set<String>> TABLE_PART_PARENTS = Map.of("caption", Set.of("table"), "colgroup", Set.of("table"),
        "thead", Set.of("table"), "tbody", Set.of("table"), "tfoot", Set.of("table"), "col", Set.of("colgroup"),
        "tr", Set.of("thead", "tbody", "tfoot"), "td", Set.of("tr"), "th", Set.of("tr"));

    private ReparseGuard() {}

    /** Whether the Markdown holds a start or end tag of a table part anywhere (code included: a false "yes" is safe). */
    static boolean hasTableTags(String markdown) {
        for (int i = markdown.indexOf('<'); i >= 0; i = markdown.indexOf('<', i + 1)) {
            int start = i + 1 < markdown.length() && markdown.charAt(i + 1) == '/' ? i + 2 : i + 1;
            int end = start;
            while (end < markdown.length() && end - start < 8 && Character.isLetter(markdown.charAt(end))) end++;
            if (end > start && (end == markdown.length() || !Character.isLetterOrDigit(markdown.charAt(end)))
                && TABLE_TAGS.contains(markdown.substring(start, end).toLowerCase(Locale.ROOT))) return true;
        }
        return false;
    }

    /**
     * Whether the cleaner keeps every element of the parsed body. One it drops leaves its children to the parent,
     * where the parser might not have put them: {@code <table><template><tr>} becomes a row with no {@code <tbody>}.
     */
    static boolean keepsEveryElement(Element root, Safelist safelist) {
        for (Element e : root.getAllElements()) if (e != root && !safelist.isSafeTag(e.normalName())) return false;
        return true;
    }

    /** Start tags that close an open {@code <p>} (in button scope): jsoup's list, and a few more to be safe. */
    private static final Set<String> P_CLOSERS = Set.of("address", "article", "aside", "blockquote", "center", "details", "dialog",
        "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search",
        "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp",
        "li", "dd", "dt");
    /** Where the search for an open {@code <p>} stops. */
    private static final Set<String> BUTTON_SCOPE = Set.of("applet", "caption", "html", "marquee", "object", "table", "td", "template",
        "th", "button");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> P = Set.of("p"), LI = Set.of("li"), DD_DT = Set.of("dd", "dt"), A = Set.of("a");
    /** jsoup's "special" elements but address, div and p: where the search for an open {@code <li>}, {@code <dd>} or {@code <dt>} stops. */
    private static final Set<String> LIST_ITEM_SCOPE = Set.of("applet", "area", "article", "aside", "base", "basefont", "bgsound",
        "blockquote", "body", "br", "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "dl", "dt", "embed",
        "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6", "head", "header",
        "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main", "marquee", "menu", "meta", "nav",
        "noembed", "noframes", "noscript", "object", "ol", "param", "plaintext", "pre", "script", "search", "section", "select",
        "source", "style", "summary", "table", "tbody", "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track",
        "ul", "wbr", "xmp");
    /**
     * jsoup's searches up the stack stop after 24 elements for dd and dt, after 100 for the others, and the theme puts
     * the body deeper than the fragment it was parsed as (ten elements; these leave room for a theme of fifteen):
     * elements deep enough to meet those limits in one parse and not in the other are not taken.
     */
    private static final int MAX_DEPTH = 60;
    private static final int MAX_DD_DEPTH = 8;

    /**
     * Whether the cleaned and repaired body still parses back alike. The parser builds a tree in which no start tag
     * closed an element: no block inside a {@code <p>}, no heading right inside a heading, no list item inside
     * another with only a div between, no link inside a link, table parts only where they belong. What moved content
     * out of a table, what the adoption agency did to misnested formatting, a link repaired inside a table, all show
     * as one of those. Besides: no {@code <pre>} whose text starts with a newline (the parser drops a newline right
     * after {@code <pre>}), no NUL character left alone in a text node (the parser drops a NUL that is all of a text),
     * no text but whitespace right inside a table part.
     */
    static boolean parsesBackAlike(Element body) {
        boolean[] alike = {true};
        NodeTraversor.filter((node, depth) -> {
            if (node instanceof TextNode t ? !textAlike(t)
                : node instanceof Element e && node != body && !elementAlike(e, depth, body))
                alike[0] = false;
            return alike[0] ? NodeFilter.FilterResult.CONTINUE : NodeFilter.FilterResult.STOP;
        }, body);
        return alike[0];
    }

    /** Text the parser keeps where it is: no NUL, and only whitespace right inside a table part (other text it moves). */
    private static boolean textAlike(TextNode t) {
        String text = t.getWholeText();
        if (text.indexOf('\0') >= 0) return false;
        return !(t.parentNode() instanceof Element parent && TABLE_PARTS.containsKey(parent.normalName())) || t.isBlank();
    }

    private static boolean elementAlike(Element e, int depth, Element root) {
        String name = e.normalName();
        Set<String> parts = TABLE_PARTS.get(name);
        if (parts != null) for (Element child : e.children()) if (!parts.contains(child.normalName())) return false;
        if (name.equals("pre") && e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode t && t.getWholeText().startsWith("\n"))
            return false;
        if (depth > MAX_DEPTH || DD_DT.contains(name) && depth > MAX_DD_DEPTH) return false;
        Element parent = e.parent();
        String parentName = parent == null || parent == root ? "" : parent.normalName();
        if (TABLE_PART_PARENTS.containsKey(name) && !TABLE_PART_PARENTS.get(name).contains(parentName)) return false;
        if (HEADINGS.contains(name) && HEADINGS.contains(parentName)) return false;
        if (P_CLOSERS.contains(name) && openBelow(e, root, P, BUTTON_SCOPE)) return false;
        if (name.equals("li") && openBelow(e, root, LI, LIST_ITEM_SCOPE)) return false;
        if (DD_DT.contains(name) && openBelow(e, root, DD_DT, LIST_ITEM_SCOPE)) return false;
        return !(name.equals("a") && openBelow(e, root, A, Set.of()));
    }

    /** Whether an ancestor of e below root is one of {@code open}, looking up until one of {@code stops}. */
    private static boolean openBelow(Element e, Element root, Set<String> open, Set<String> stops) {
        for (Element a = e.parent(); a != null && a != root; a = a.parent()) {
            String n = a.normalName();
            if (open.contains(n)) return true;
            if (stops.contains(n)) return false;
        }
        return false;
    }
}
