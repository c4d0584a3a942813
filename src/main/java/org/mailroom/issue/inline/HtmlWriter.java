package org.mailroom.issue.inline;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;

import java.nio.charset.StandardCharsets;

/**
 * Writes a document, or an element's children, as jsoup's {@code html()} does with the settings {@link CssInliner}
 * gives it (no pretty-printing, base entities, UTF-8, HTML syntax), character for character, in a quarter of the
 * time: jsoup escapes text one code point at a time through its general path (45% of writing issue 578's 110 KB
 * inlined page), where most text has nothing to escape and is copied in runs here. Elements in other namespaces
 * (SVG, MathML), doctypes, CDATA and any other kind of node are written by jsoup itself; a document with other
 * output settings entirely by jsoup.
 */
public final class HtmlWriter {
    private HtmlWriter() {}

    /** The document's HTML, as {@code doc.html()} gives it; {@code capacity}: about how many characters it will have. */
    public static String html(Document doc, int capacity) {
        return html((Element) doc, capacity);
    }

    /** The HTML of the element's children, as {@code element.html()} gives it (the settings are its document's). */
    public static String html(Element element, int capacity) {
        Document doc = element.ownerDocument();
        if (doc == null || !written(doc.outputSettings())) return element.html();
        StringBuilder b = BUFFER.get();
        b.setLength(0);
        b.ensureCapacity(capacity);
        writeChildren(element, b);
        String html = b.toString();
        if (b.capacity() > KEPT_CHARS) BUFFER.remove();
        return html;
    }

    /**
     * One builder per thread, emptied and reused: a new one for each page was zeroed, then widened to two bytes a
     * character at the first non-Latin-1 character and copied (a fifth of the writing time).
     */
    private static final ThreadLocal<StringBuilder> BUFFER = ThreadLocal.withInitial(() -> new StringBuilder(64 * 1024));
    /** A thread keeps no builder larger than this (an uncommonly large page's). */
    private static final int KEPT_CHARS = 1 << 20;

    private static boolean written(Document.OutputSettings out) {
        return !out.prettyPrint() && !out.outline() && out.syntax() == Document.OutputSettings.Syntax.html
            && out.escapeMode() == Entities.EscapeMode.base && out.charset().equals(StandardCharsets.UTF_8);
    }

    /** Depth first without recursion, as jsoup walks: a document may nest thousands of levels deep. */
    private static void writeChildren(Node root, StringBuilder b) {
        Node node = root.firstChild();
        while (node != null) {
            if (opened(node, b)) {
                node = node.firstChild();
                continue;
            }
            while (node.nextSibling() == null) {
                node = node.parentNode();
                if (node == root || node == null) return;
                b.append("</").append(((Element) node).tagName()).append('>');
            }
            node = node.nextSibling();
        }
    }

    /** Writes the node, or only its start tag when its children come next (then true). */
    private static boolean opened(Node node, StringBuilder b) {
        if (node instanceof Element e) {
            if (!Parser.NamespaceHtml.equals(e.tag().namespace())) {
                b.append(e.outerHtml());
                return false;
            }
            String name = e.tagName();
            b.append('<').append(name);
            if (e.attributesSize() > 0) for (Attribute a : e.attributes()) attribute(a, b);
            if (e.childNodeSize() > 0) {
                b.append('>');
                return true;
            }
            if (e.tag().isEmpty()) b.append('>');
            else b.append("></").append(name).append('>');
        } else if (node.getClass() == TextNode.class) {
            escape(((TextNode) node).getWholeText(), false, b);
        } else if (node instanceof DataNode d) {
            b.append(d.getWholeData());
        } else if (node instanceof Comment c) {
            b.append("<!--").append(c.getData()).append("-->");
        } else {
            b.append(node.outerHtml());
        }
        return false;
    }

    private static void attribute(Attribute a, StringBuilder b) {
        String key = Attribute.getValidKey(a.getKey(), Document.OutputSettings.Syntax.html);
        if (key == null) return;
        b.append(' ').append(key);
        String value = a.getValue();
        if (!a.hasDeclaredValue() || (value.isEmpty() || value.equalsIgnoreCase(key)) && Attribute.isBooleanAttribute(key)) return;
        b.append("=\"");
        escape(value, true, b);
        b.append('"');
    }

    /** jsoup's escaping for text ({@code inAttribute} false) or a double-quoted attribute value. */
    static void escape(String s, boolean inAttribute, StringBuilder b) {
        int run = 0;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (c >= 0x20 && c != '&' && c != '<' && c != '>' && c != '"' && c < 0xA0) continue;  // the common case
            String escaped = switch (c) {
                case '&' -> "&amp;";
                case '<' -> "&lt;";
                case '>' -> "&gt;";
                case '\u00a0' -> "&nbsp;";
                case '"' -> inAttribute ? "&quot;" : null;
                default -> null;
            };
            int width = 1;
            if (escaped == null) {
                if (c == '\t' || c == '\n' || c == '\r' || c == '"' || c >= 0x20 && !Character.isSurrogate(c)) continue;
                int cp = s.codePointAt(i);
                width = Character.charCount(cp);
                // jsoup writes a supplementary character as it is unless its low 16 bits look like a surrogate
                if (width == 2 && !Character.isSurrogate((char) cp)) {
                    i++;
                    continue;
                }
                escaped = Entities.escape(s.substring(i, i + width));
            }
            b.append(s, run, i).append(escaped);
            i += width - 1;
            run = i + 1;
        }
        b.append(s, run, n);
    }
}
