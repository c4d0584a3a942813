package org.mailroom.issue;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

import java.util.HashMap;
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

    /** Start tags that close an open {@code <p>} (in button scope): jsoup's list, and a few more to be safe. */
    private static final Set<String> P_CLOSERS = Set.of("address", "article", "aside", "blockquote", "center", "details", "dialog",
        "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup", "main", "menu", "nav", "ol", "p", "search",
        "section", "summary", "ul", "h1", "h2", "h3", "h4", "h5", "h6", "pre", "listing", "form", "plaintext", "table", "hr", "xmp",
        "li", "dd", "dt");
    /** Where the search for an open {@code <p>} stops. */
    private static final Set<String> BUTTON_SCOPE = Set.of("applet", "caption", "html", "marquee", "object", "table", "td", "template",
        "th", "button");
    private static final Set<String> HEADINGS = Set.of("h1", "h2", "h3", "h4", "h5", "h6");
    private static final Set<String> DD_DT = Set.of("dd", "dt");
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
        return childrenAlike(body, "", 0, 0, 0);
    }

    /**
     * {@link #parsesBackAlike} as the steps of another walk down the tree, in document order: each node's answer depends
     * only on what is open around it, kept here per depth. The walk must not change the tree before its last step.
     */
    static final class Walk {
        private final String[] names = new String[MAX_DEPTH + 1];
        private final int[] roles = new int[MAX_DEPTH + 1];
        private final int[] open = new int[MAX_DEPTH + 1];
        private boolean alike = true;

        Walk() {
            names[0] = "";
        }

        /** @param depth 1 for the body's children */
        void element(Element e, int depth) {
            if (!alike) return;
            if (depth > MAX_DEPTH) {
                alike = false;
                return;
            }
            String name = e.normalName();
            int r = ROLES.getOrDefault(name, 0);
            alike = elementAlike(e, name, r, names[depth - 1], roles[depth - 1], depth, open[depth - 1]);
            names[depth] = name;
            roles[depth] = r;
            open[depth] = openInside(r, open[depth - 1]);
        }

        void text(TextNode t, int depth) {
            if (alike) alike = textAlike(t, roles[depth - 1]);
        }

        boolean alike() {
            return alike;
        }
    }

    /** What is open around an element, as the parser's searches up the stack would find it. */
    private static final int P_OPEN = 1, LI_OPEN = 2, DD_OPEN = 4, A_OPEN = 8;

    /** What a tag name is to the checks below: one look-up per element instead of one per set. */
    private static final int TABLE_PARENT = 1, TABLE_PART = 2, HEADING = 4, P_CLOSER = 8, IN_BUTTON_SCOPE = 16, IN_LIST_ITEM_SCOPE = 32,
        IS_DD_DT = 64, IS_P = 128, IS_LI = 256, IS_A = 512, IS_PRE = 1024;
    private static final Map<String, Integer> ROLES = roles();

    private static Map<String, Integer> roles() {
        Map<String, Integer> roles = new HashMap<>();
        TABLE_PARTS.keySet().forEach(n -> roles.merge(n, TABLE_PARENT, (x, y) -> x | y));
        TABLE_PART_PARENTS.keySet().forEach(n -> roles.merge(n, TABLE_PART, (x, y) -> x | y));
        HEADINGS.forEach(n -> roles.merge(n, HEADING, (x, y) -> x | y));
        P_CLOSERS.forEach(n -> roles.merge(n, P_CLOSER, (x, y) -> x | y));
        BUTTON_SCOPE.forEach(n -> roles.merge(n, IN_BUTTON_SCOPE, (x, y) -> x | y));
        LIST_ITEM_SCOPE.forEach(n -> roles.merge(n, IN_LIST_ITEM_SCOPE, (x, y) -> x | y));
        DD_DT.forEach(n -> roles.merge(n, IS_DD_DT, (x, y) -> x | y));
        Map.of("p", IS_P, "li", IS_LI, "a", IS_A, "pre", IS_PRE).forEach((n, r) -> roles.merge(n, r, (x, y) -> x | y));
        return roles;
    }

    /** One walk down the tree, carrying what is open instead of searching up from every element. */
    private static boolean childrenAlike(Element parent, String parentName, int parentRoles, int depth, int open) {
        for (int i = 0; i < parent.childNodeSize(); i++) {
            Node n = parent.childNode(i);
            if (n instanceof TextNode t) {
                if (!textAlike(t, parentRoles)) return false;
            } else if (n instanceof Element e) {
                String name = e.normalName();
                int roles = ROLES.getOrDefault(name, 0);
                if (!elementAlike(e, name, roles, parentName, parentRoles, depth + 1, open)) return false;
                if (!childrenAlike(e, name, roles, depth + 1, openInside(roles, open))) return false;
            }
        }
        return true;
    }

    /** Text the parser keeps where it is: no NUL, and only whitespace right inside a table part (other text it moves). */
    private static boolean textAlike(TextNode t, int parentRoles) {
        return t.getWholeText().indexOf('\0') < 0 && ((parentRoles & TABLE_PARENT) == 0 || t.isBlank());
    }

    private static boolean elementAlike(Element e, String name, int roles, String parentName, int parentRoles, int depth, int open) {
        if ((parentRoles & TABLE_PARENT) != 0 && !TABLE_PARTS.get(parentName).contains(name)) return false;
        if ((roles & TABLE_PART) != 0 && !TABLE_PART_PARENTS.get(name).contains(parentName)) return false;
        if ((roles & IS_PRE) != 0 && e.childNodeSize() > 0 && e.childNode(0) instanceof TextNode t && t.getWholeText().startsWith("\n"))
            return false;
        if (depth > MAX_DEPTH || (roles & IS_DD_DT) != 0 && depth > MAX_DD_DEPTH) return false;
        if ((roles & HEADING) != 0 && (parentRoles & HEADING) != 0) return false;
        if ((roles & P_CLOSER) != 0 && (open & P_OPEN) != 0) return false;
        if ((roles & IS_LI) != 0 && (open & LI_OPEN) != 0) return false;
        if ((roles & IS_DD_DT) != 0 && (open & DD_OPEN) != 0) return false;
        return !((roles & IS_A) != 0 && (open & A_OPEN) != 0);
    }

    /** What is open inside an element: its own p, li, dd, dt or a, less what its scope hides from the searches. */
    private static int openInside(int roles, int open) {
        int o = open;
        if ((roles & IN_BUTTON_SCOPE) != 0) o &= ~P_OPEN;
        if ((roles & IN_LIST_ITEM_SCOPE) != 0) o &= ~(LI_OPEN | DD_OPEN);
        if ((roles & IS_P) != 0) o |= P_OPEN;
        if ((roles & IS_LI) != 0) o |= LI_OPEN;
        if ((roles & IS_DD_DT) != 0) o |= DD_OPEN;
        if ((roles & IS_A) != 0) o |= A_OPEN;  // whatever is between: a cell between two links would be a marker, but rarely is
        return o;
    }
}
