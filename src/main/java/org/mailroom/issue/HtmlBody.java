package org.mailroom.issue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Safelist;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * The body HTML made safe and fit for a mailbox: links checked and absolutized, then cleaned with a
 * safelist (no script, iframe, object, form, event handlers, javascript: or data: URLs, and no author
 * {@code style} attributes: the theme's stylesheet is the one source of look, and an author's style can
 * hide text or break dark mode), then given the attributes email clients need.
 */
final class HtmlBody {
    static final Safelist SAFELIST = new BaselessSafelist(Safelist.relaxed()
        .addTags("hr", "del", "ins", "s", "abbr", "kbd", "mark", "var", "samp", "figure", "figcaption", "details", "summary", "center")
        .addAttributes(":all", "id", "class", "title", "lang", "dir")
        .addAttributes("p", "align")
        .addAttributes("div", "align")
        .addAttributes("td", "align", "valign")
        .addAttributes("th", "align", "valign")
        .addAttributes("tr", "align", "valign")
        .addAttributes("table", "align", "border", "cellpadding", "cellspacing")
        .addAttributes("img", "border")
        .addAttributes("ol", "reversed")
        .addProtocols("a", "href", "#")
        .preserveRelativeLinks(true));
    private static final BodyCleaner CLEANER = new BodyCleaner(SAFELIST);

    private HtmlBody() {}

    /**
     * The cleaned body of an issue.
     *
     * @param body          its children are the issue's HTML
     * @param reparsesAlike parsing the body's HTML gives this same tree again (same elements, attributes and text),
     *                      so the inliner may take the tree instead of parsing the themed page
     */
    record Cleaned(Element body, boolean reparsesAlike) {}

    static Cleaned process(String fragment, Lint lint, URI base) {
        return process(Jsoup.parseBodyFragment(fragment), lint, base);
    }

    /** @param dirty the issue's HTML as jsoup parses a body fragment; cleaned into a new document, and changed */
    static Cleaned process(Document dirty, Lint lint, URI base) {
        boolean alike = checkDirty(dirty, lint, new LinkLint(lint, base)) && !ReparseGuard.hasTableTags(lint.body());
        Document clean = CLEANER.clean(dirty);
        clean.outputSettings().prettyPrint(false).charset("UTF-8").escapeMode(Entities.EscapeMode.base);
        return new Cleaned(clean.body(), fitForEmail(clean.body(), alike));
    }

    /**
     * The dirty body's checks, in one walk of its nodes (walking its elements again for each costs more than the checks):
     * what the cleaner will drop is said, broken link syntax repaired, links checked, each kind of warning in document
     * order and in that order of kinds. Whether the cleaner keeps every element: one it drops leaves its children to the
     * parent, where the parser might not have put them ({@code <table><template><tr>} becomes a row with no {@code <tbody>}).
     */
    private static boolean checkDirty(Document dirty, Lint lint, LinkLint links) {
        List<Node> found = new ArrayList<>();  // links, and texts with broken link syntax outside links and code
        Element body = dirty.body();
        linksOutside(body, true, found);
        java.util.Set<String> said = new java.util.HashSet<>();
        var walk = new NodeVisitor() {
            boolean keepsAll = true;
            Element skipping;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    warnRemoved(e, said, lint);
                    if (depth > 0) keepsAll &= CLEANER.isSafeTag(e.normalName());
                    if (isLink(e)) found.add(e);
                    if (skipping == null && depth > 0 && (e.nameIs("a") || e.nameIs("code") || e.nameIs("pre"))) skipping = e;
                } else if (skipping == null && node instanceof TextNode t && BrokenLinks.isBroken(t.getWholeText())) found.add(t);
            }

            @Override
            public void tail(Node node, int depth) {
                if (node == skipping) skipping = null;
            }
        };
        NodeTraversor.traverse(walk, body);
        linksOutside(body, false, found);
        checkFound(found, links, lint);
        return walk.keepsAll;
    }

    /** The links in the elements before the body (the head) or after it, by document order: none as jsoup parses a fragment. */
    private static void linksOutside(Element body, boolean before, List<Node> found) {
        Element html = body.parent();
        boolean after = false;
        for (Element top = html.firstElementChild(); top != null; top = top.nextElementSibling()) {
            if (top == body) after = true;
            else if (after != before) for (Element e = top; e != null; e = next(e, top)) if (isLink(e)) found.add(e);
        }
    }

    /** The repairs, then the links (those repairs made too) in document order. */
    private static void checkFound(List<Node> found, LinkLint links, Lint lint) {
        List<Element> all = new ArrayList<>(found.size());
        for (Node n : found) {
            if (n instanceof TextNode t) all.addAll(BrokenLinks.repair(t, lint));
            else all.add((Element) n);
        }
        for (Element a : all) checkLink(a, links, lint);
    }

    /** What the cleaner will drop silently, said once per kind so the editor knows the email differs from the page. */
    private static void warnRemoved(Element e, java.util.Set<String> said, Lint lint) {
        String tag = e.normalName();
        if (REMOVED.contains(tag) && said.add(tag))
            lint.warn(lint.lineOfText("<" + tag), "raw HTML <" + tag + "> removed: email clients do not run or show it");
        if (e.attributesSize() == 0) return;
        for (org.jsoup.nodes.Attribute a : e.attributes())
            if (a.getKey().startsWith("on") && said.add(a.getKey()))
                lint.warn(lint.lineOfText(a.getKey() + "="), "event handler attribute " + a.getKey() + " removed");
    }

    private static final java.util.Set<String> REMOVED = java.util.Set.of("script", "iframe", "object", "embed", "form", "style",
        "video", "audio", "canvas", "svg", "input", "button", "textarea", "select", "link", "meta", "base");

    private static boolean isLink(Element e) {
        return e.nameIs("img") || e.nameIs("a") && e.hasAttr("href");  // as select("a[href], img")
    }

    private static void checkLink(Element a, LinkLint links, Lint lint) {
        boolean img = a.nameIs("img");
        String attr = img ? "src" : "href";
        String raw = a.attr(attr);
        int line = a.hasAttr(MarkdownRenderer.OFFSET_ATTR)
            ? lint.lineOf(Integer.parseInt(a.attr(MarkdownRenderer.OFFSET_ATTR))) : lint.lineOfText(raw);
        String href = links.check(raw, line, img ? "image" : "link");
        if (href == null) a.removeAttr(attr);
        else a.attr(attr, href);
        if (img && a.attr("alt").isBlank()) lint.warn(line, "image without alt text: " + (href == null ? raw : href));
    }

    /**
     * The clean body's changes, found in one walk of its nodes and made after it: lists merged, the attributes email
     * clients need, brackets separated. Whether the changed body parses back alike, if it may: the walk asks the reparse
     * guard too, as merging lists and separating brackets leave every other node as open as before, but a removed backref
     * can leave a text first in a {@code <pre>}: then the guard walks the changed body.
     */
    private static boolean fitForEmail(Element body, boolean mayParseBackAlike) {
        ReparseGuard.Walk guard = mayParseBackAlike ? new ReparseGuard.Walk() : null;
        List<Element> second = new ArrayList<>();  // as select("ul + ul, ol + ol"): found before any is merged
        List<Element> backrefs = new ArrayList<>();
        List<TextNode> brackets = new ArrayList<>();
        NodeTraversor.traverse(new NodeVisitor() {
            private Element skipping;

            @Override
            public void head(Node node, int depth) {
                if (node instanceof Element e) {
                    if (e.nameIs("ul") || e.nameIs("ol")) {
                        Element previous = e.previousElementSibling();
                        if (previous != null && previous.nameIs(e.normalName())) second.add(e);
                    } else forEmail(e, backrefs);
                    if (skipping == null && depth > 0 && (e.nameIs("code") || e.nameIs("pre"))) skipping = e;
                    if (guard != null && depth > 0) guard.element(e, depth);
                } else if (node instanceof TextNode t) {
                    if (skipping == null && t.getWholeText().contains("][")) brackets.add(t);
                    if (guard != null) guard.text(t, depth);
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node == skipping) skipping = null;
            }
        }, body);
        mergeAdjacentLists(second);
        for (Element a : backrefs) a.remove();  // a table or image inside one went with it: its attributes do not show
        separateBrackets(brackets);
        return guard != null && (backrefs.isEmpty() ? guard.alike() : ReparseGuard.parsesBackAlike(body));
    }

    /**
     * Two lists with nothing but whitespace between them were one list to the editor: an editors' comment
     * between items (gone now) or a change of bullet ({@code *} then {@code -}) splits it in CommonMark,
     * not in Python-Markdown.
     */
    private static void mergeAdjacentLists(List<Element> second) {
        for (Element list : second) {
            Element previous = list.previousElementSibling();
            if (previous == null || !onlyWhitespaceBetween(previous, list)) continue;
            previous.appendChildren(new java.util.ArrayList<>(list.childNodes()));
            list.remove();
        }
    }

    private static boolean onlyWhitespaceBetween(Element a, Element b) {
        for (org.jsoup.nodes.Node n = a.nextSibling(); n != null && n != b; n = n.nextSibling())
            if (!(n instanceof TextNode t) || !t.isBlank()) return false;
        return true;
    }

    /**
     * Literal {@code [a][b]} in prose (TWiR's {@code [[std][BTree] Fix ...](url)}) reads as a reference link
     * that failed; an invisible word joiner between the brackets keeps the text and says it is not one.
     */
    private static void separateBrackets(List<TextNode> texts) {
        for (TextNode t : texts) t.text(t.getWholeText().replace("][", "]\u2060["));
    }

    /** Attributes that Outlook and older clients read where they ignore CSS. */
    private static void forEmail(Element e, List<Element> backrefs) {
        // "Back to the text" arrows sit alone on a line in email clients, and few of them follow in-page anchors.
        if (e.nameIs("a") && e.hasClass("footnote-backref")) backrefs.add(e);
        else if (e.nameIs("table")) {
            if (!e.hasAttr("width")) e.attr("width", "100%");
            if (!e.hasAttr("cellpadding")) e.attr("cellpadding", "6");
            if (!e.hasAttr("cellspacing")) e.attr("cellspacing", "0");
            if (!e.hasAttr("border")) e.attr("border", "0");
        } else if (e.nameIs("img") && !e.hasAttr("border")) e.attr("border", "0");
    }

    /**
     * The element after e in document order under root, or null: a walk that makes no list, where jsoup's selectors and
     * getAllElements make one (and selectors test each element against a parsed query). The tree may change, but not
     * around e.
     */
    private static Element next(Element e, Element root) {
        Element child = e.firstElementChild();
        if (child != null) return child;
        for (Element at = e; at != root && at != null; at = at.parent()) {
            Element sibling = at.nextElementSibling();
            if (sibling != null) return sibling;
        }
        return null;
    }
}
