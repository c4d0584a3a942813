package org.mailroom.issue;

import com.github.mustachejava.DefaultMustacheFactory;
import com.github.mustachejava.Mustache;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The newsletter theme: {@code templates/email.html.mustache} and {@code templates/email.txt.mustache}
 * from the classpath, compiled once. The text template uses triple braces only: nothing in it is HTML.
 */
final class Theme {
    static final String HTML = "email.html.mustache";
    static final String TEXT = "email.txt.mustache";
    private final Mustache html;
    private final Mustache text;
    /** Whether the template writes the body once, as given, and nothing else that depends on it: see {@link #shell}. */
    private final boolean bodyOnceAsGiven;

    Theme() {
        this("templates");
    }

    /** The theme in another classpath folder (tests). */
    Theme(String root) {
        DefaultMustacheFactory factory = new DefaultMustacheFactory(root);
        this.html = factory.compile(HTML);
        this.text = factory.compile(TEXT);
        Map<String, Object> sample = new java.util.HashMap<>(Map.of("body", SAMPLE_BODY));
        String page = execute(html, sample);
        sample.put("body", BODY_MARK);
        String shell = execute(html, sample);
        this.bodyOnceAsGiven = once(shell) && withBody(shell, SAMPLE_BODY).equals(page);
    }

    /** Markup, entities, quotes and lines: what an escaping or indenting template would change. */
    private static final String SAMPLE_BODY = "<p class=\"a\">x &amp; y</p>\n  <p>z</p>\n";

    /**
     * The themed page with a mark where the body goes: {@code withBody(shell(scope), body)} is {@code html(scope)} with
     * that body (not empty). Null where the template does not write the body once as given (the mark escaped, twice).
     */
    String shell(Map<String, Object> scope) {
        if (!bodyOnceAsGiven) return null;
        Object body = scope.put("body", BODY_MARK);
        String shell = execute(html, scope);
        scope.put("body", body);
        return once(shell) ? shell : null;
    }

    /** The mark there once, and nothing else of it (an escaped copy, the mark's text in the theme). */
    private static boolean once(String shell) {
        int at = shell.indexOf(BODY_MARK_TEXT);
        return at >= 4 && shell.startsWith(BODY_MARK, at - 4) && shell.indexOf(BODY_MARK_TEXT, at + 1) < 0;
    }

    /** The page: the shell with the body's HTML in place of the mark. */
    static String withBody(String shell, String bodyHtml) {
        int at = shell.indexOf(BODY_MARK);
        return new StringBuilder(shell.length() + bodyHtml.length()).append(shell, 0, at).append(bodyHtml)
            .append(shell, at + BODY_MARK.length(), shell.length()).toString();
    }

    /**
     * The themed page as a document, with {@code body}'s children moved in where the mark is in {@code shell}: the tree
     * that parsing the page gives, under the same conditions as {@link #document(String, String, Element)}. Null where
     * that cannot be shown, and {@code body} is then left as it is.
     */
    Document document(String shell, Element body) {
        int at = shell.indexOf(BODY_MARK);
        if (at <= 0 || body.childNodeSize() == 0 || shell.charAt(at - 1) != '>' && shell.charAt(at - 1) != '\n') return null;
        return parsed(shell, body);
    }

    String html(Map<String, Object> scope) {
        return execute(html, scope);
    }

    /**
     * The themed page as a document, with {@code body}'s children moved in where {@code bodyHtml}, their HTML, is in
     * {@code page}: the tree that parsing {@code page} gives, provided the body parses back alike and sits where the
     * parser reads it as a page's body (in a cell or a div, not in a p, a link or a table without its cell). Only the
     * rest of the page is parsed, a few KB; the body, most of it, is not parsed a second time. Null where that cannot
     * be shown, and {@code body} is then left as it is.
     */
    Document document(String page, String bodyHtml, Element body) {
        int at = bodyHtml.isEmpty() ? -1 : page.indexOf(bodyHtml);
        // After a tag or a line, the tokenizer is between tokens: the mark and the body start the same way there.
        if (at <= 0 || page.charAt(at - 1) != '>' && page.charAt(at - 1) != '\n') return null;
        String shell = page.substring(0, at) + BODY_MARK + page.substring(at + bodyHtml.length());
        if (shell.indexOf(BODY_MARK_TEXT) != shell.lastIndexOf(BODY_MARK_TEXT)) return null;
        return parsed(shell, body);
    }

    private static Document parsed(String shell, Element body) {
        Document doc = Jsoup.parse(shell);
        Comment mark = doc.quirksMode() == Document.QuirksMode.noQuirks ? bodyMark(doc) : null;
        if (mark == null) return null;
        ((Element) mark.parentNode()).insertChildren(mark.siblingIndex(), new ArrayList<>(body.childNodes()));
        mark.remove();
        return doc;
    }

    private static final String BODY_MARK_TEXT = "mailroom:body";
    private static final String BODY_MARK = "<!--" + BODY_MARK_TEXT + "-->";
    /** Where the body may go: ancestors whose content parses as a page body's does (no p, a, list, table section without its cell). */
    private static final Set<String> BODY_PARENTS = Set.of("body", "div", "td", "th", "center");
    private static final Set<String> BODY_ANCESTORS = Set.of("html", "body", "div", "td", "th", "center", "table", "tbody", "thead", "tfoot", "tr");

    /** The comment the mark became, if it became one, where content parses as in a page's body. */
    private static Comment bodyMark(Document doc) {
        List<Comment> marks = doc.nodeStream(Comment.class).filter(c -> c.getData().equals(BODY_MARK_TEXT)).toList();
        if (marks.size() != 1) return null;
        Comment mark = marks.get(0);
        if (!(mark.parentNode() instanceof Element parent) || !BODY_PARENTS.contains(parent.normalName())) return null;
        for (Element e = parent; e != null && !(e instanceof Document); e = e.parent())
            if (!BODY_ANCESTORS.contains(e.normalName())) return null;
        return mark;
    }

    String text(Map<String, Object> scope) {
        return execute(text, scope);
    }

    private static String execute(Mustache m, Map<String, Object> scope) {
        // The theme's own text and the values it writes: sized so, the writer neither grows nor zeroes 128 KB for a 5 KB shell.
        int size = 8 * 1024;
        for (Object v : scope.values()) if (v instanceof String value) size += value.length();
        StringWriter w = new StringWriter(size);
        try {
            m.execute(w, scope).flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return w.toString();
    }
}
