package org.mailroom.issue;

import com.vladsch.flexmark.ast.BlockQuote;
import com.vladsch.flexmark.ast.BulletList;
import com.vladsch.flexmark.ast.BulletListItem;
import com.vladsch.flexmark.ast.Code;
import com.vladsch.flexmark.ast.Emphasis;
import com.vladsch.flexmark.ast.FencedCodeBlock;
import com.vladsch.flexmark.ast.HardLineBreak;
import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.HtmlCommentBlock;
import com.vladsch.flexmark.ast.HtmlEntity;
import com.vladsch.flexmark.ast.HtmlInline;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.ListItem;
import com.vladsch.flexmark.ast.OrderedList;
import com.vladsch.flexmark.ast.OrderedListItem;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.ParagraphItemContainer;
import com.vladsch.flexmark.ast.Reference;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.StrongEmphasis;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.TextBase;
import com.vladsch.flexmark.ast.ThematicBreak;
import com.vladsch.flexmark.ext.attributes.AttributeNode;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.attributes.internal.NodeAttributeRepository;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.html.renderer.HeaderIdGenerator;
import com.vladsch.flexmark.parser.ListOptions;
import com.vladsch.flexmark.util.ast.NonRenderingInline;
import com.vladsch.flexmark.util.sequence.BasedSequence;
import com.vladsch.flexmark.util.html.MutableAttributes;
import com.vladsch.flexmark.util.sequence.Escaping;
import com.vladsch.flexmark.util.sequence.SubSequence;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.TextNode;
import org.jsoup.parser.Parser;
import org.jsoup.parser.TagSet;

import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The jsoup tree that parsing flexmark's HTML of a document gives, built by walking flexmark's tree instead: the
 * same elements, attributes and text nodes (a text node per run of text between tags, as the parser makes them),
 * for the constructs whose HTML is well formed and known here, raw inline tags that nest as written among them.
 * For anything else (raw HTML blocks, tables, footnotes, images, definition lists, ...) there is no tree, and the
 * caller parses flexmark's HTML of the whole document as before: about four issues in five of the TWiR archive,
 * issue 578 among them, are built here.
 */
final class HtmlTree {
    /** Raw inline tags taken as elements: phrasing elements whose start and end tags the parser takes as written. */
    private static final Set<String> PHRASING = Set.of("small", "sub", "sup", "span", "b", "i", "u", "em", "strong", "s", "del",
        "ins", "mark", "kbd", "var", "samp", "cite", "q", "dfn", "abbr", "code");
    /** Attribute names the parser reads as written: lower case, no quotes, no equals sign. */
    private static final Pattern ATTRIBUTE_NAME = Pattern.compile("[a-z_][-a-z0-9_.:]*");
    private static final Pattern SIMPLE_TAG = Pattern.compile("<(/?)([a-z]+)\\s*(/?)>");

    private final HtmlRendererOptions html;
    private final ListOptions lists;
    private final com.vladsch.flexmark.util.ast.Document source;
    private final HeaderIdGenerator ids = new HeaderIdGenerator();
    private final TagSet tags = TagSet.Html();
    /** The nodes attribute lists apply to, and theirs. */
    private final NodeAttributeRepository attributes;
    private final StringBuilder text = new StringBuilder();
    /** The last character of the HTML flexmark would have written so far: its line breaks between blocks are text. */
    private char last = '\n';
    private Element current;

    /** Thrown inside the walk where the tree cannot be built here; never leaves {@link #build}. */
    private static final class Unsupported extends RuntimeException {
        Unsupported() {
            super(null, null, false, false);
        }
    }

    private HtmlTree(com.vladsch.flexmark.util.ast.Document source, HtmlRendererOptions html) {
        this.source = source;
        this.html = html;
        this.lists = ListOptions.get(source);
        this.attributes = AttributesExtension.NODE_ATTRIBUTES.get(source);
    }

    /**
     * The body fragment document {@code Jsoup.parseBodyFragment(renderer.render(doc))} gives, or null where it is not
     * built here.
     */
    static Document build(com.vladsch.flexmark.util.ast.Document doc, HtmlRendererOptions options) {
        Document page = Document.createShell("");
        HtmlTree tree = new HtmlTree(doc, options);
        tree.current = page.body();
        try {
            for (var node : tree.attributes.keySet()) if (!(node instanceof TextBase)) throw new Unsupported();
            tree.ids.generateIds(doc);
            tree.children(doc);
        } catch (Unsupported e) {
            return null;
        }
        tree.line();  // flexmark ends its HTML with a line break
        tree.flushText();
        return page;
    }

    private void children(com.vladsch.flexmark.util.ast.Node parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof HtmlInline tag) n = htmlInline(tag);
            else node(n);
        }
    }

    private void node(com.vladsch.flexmark.util.ast.Node n) {
        if (n instanceof Text || n instanceof HtmlEntity) text(lineStart(unescape(n.getChars())));
        else if (n instanceof SoftLineBreak) raw("\n");
        else if (n instanceof Link link) link(link);
        else if (n instanceof LinkRef ref) linkRef(ref);
        else if (n instanceof Code code) inline(open("code"), () -> text(Escaping.collapseWhitespace(code.getText(), true)));
        else if (n instanceof Emphasis) inline(open("em"), () -> children(n));
        else if (n instanceof StrongEmphasis) inline(open("strong"), () -> children(n));
        else if (n instanceof Paragraph p) paragraph(p);
        else if (n instanceof BulletListItem || n instanceof OrderedListItem) listItem((ListItem) n);
        else if (n instanceof BulletList) blockIndent(open("ul"), n);
        else if (n instanceof OrderedList list) orderedList(list);
        else if (n instanceof Heading h) heading(h);
        else if (n instanceof HtmlCommentBlock comment) commentBlock(comment);
        else if (n instanceof HardLineBreak) { element("br"); raw("\n"); }
        else if (n instanceof BlockQuote) blockIndent(open("blockquote"), n);
        else if (n instanceof ThematicBreak) { line(); element("hr"); line(); }
        else if (n instanceof FencedCodeBlock code) fencedCode(code);
        else if (n instanceof TextBase t) textBase(t);
        else if (!(n instanceof Reference || n.getClass() == AttributesNode.class)) throw new Unsupported();  // those two render nothing
    }

    private void paragraph(Paragraph p) {
        if (p.getFirstChildAnyNot(NonRenderingInline.class) == null) return;
        if (!(p.getParent() instanceof ParagraphItemContainer c) || !c.isParagraphWrappingDisabled(p, lists, source))
            block(open("p"), () -> children(p));
        else children(p);
    }

    /** Text an attribute list follows ({@code text{.note}}): in a span with those attributes, as flexmark's extension writes it. */
    private void textBase(TextBase node) {
        List<AttributesNode> lists = attributes.get(node);
        if (lists == null || lists.isEmpty()) {
            children(node);
            return;
        }
        MutableAttributes all = new MutableAttributes();
        for (int pass = 0; pass < 2; pass++) for (AttributesNode list : lists) addAttributes(list, all);  // flexmark asks its providers twice
        if (all.isEmpty()) {
            children(node);
            return;
        }
        Element span = open("span");
        for (var a : all.values()) {
            if (!ATTRIBUTE_NAME.matcher(a.getName()).matches()) throw new Unsupported();  // the parser would lower its case
            span.attr(a.getName(), a.getValue());
        }
        inline(span, () -> children(node));
    }

    /** As the attributes extension's provider sets them on a node that is no heading. */
    private static void addAttributes(AttributesNode list, MutableAttributes attributes) {
        for (var child = list.getFirstChild(); child != null; child = child.getNext()) {
            if (!(child instanceof AttributeNode a)) continue;
            if (!a.isImplicitName()) {
                BasedSequence name = a.getName();
                if (name.isNull() || name.isBlank()) continue;
                if (!name.equals("class")) attributes.remove(name);
                attributes.addValue(name, a.getValue());
            } else if (a.isClass()) {
                attributes.addValue("class", a.getValue());
            } else if (a.isId()) {
                attributes.remove("id");
                attributes.addValue("id", a.getValue());
            } else {
                throw new Unsupported();
            }
        }
    }

    /** A bullet or numbered item (definition terms and items are flexmark list items too, written otherwise). */
    private void listItem(ListItem item) {
        block(open("li"), () -> {
            text(unescape(item.getMarkerSuffix()));
            children(item);
        });
    }

    private void heading(Heading h) {
        Element e = open("h" + h.getLevel());
        String id = ids.getId(h);
        if (id != null && !id.isEmpty()) e.attr("id", id);
        line();
        start(e);
        children(h);
        end();
        line();
    }

    private void orderedList(OrderedList list) {
        Element ol = open("ol");
        if (lists.isOrderedListManualStart() && list.getStartNumber() != 1) ol.attr("start", String.valueOf(list.getStartNumber()));
        blockIndent(ol, list);
    }

    private void link(Link link) {
        if (suppressed(link.getUrl())) {
            children(link);
            return;
        }
        Element a = open("a").attr("href", unescape(link.getUrl()));
        if (link.getTitle().isNotNull()) a.attr("title", unescape(link.getTitle()));
        a.attr(MarkdownRenderer.OFFSET_ATTR, Integer.toString(link.getStartOffset()));
        inline(a, () -> children(link));
    }

    private void linkRef(LinkRef ref) {
        Reference reference = ref.isDefined() ? ref.getReferenceNode(source) : null;
        if (reference == null) {
            if (ref.isDefined()) throw new Unsupported();
            if (!ref.hasChildren()) {
                text(unescape(ref.getChars()));
            } else {
                text(unescape(ref.getChars().prefixOf(ref.getChildChars())));
                children(ref);
                text(unescape(ref.getChars().suffixOf(ref.getChildChars())));
            }
            return;
        }
        String url = unescape(reference.getUrl());
        if (suppressed(url)) {
            children(ref);
            return;
        }
        Element a = open("a").attr("href", url);
        if (reference.getTitle().isNotNull()) a.attr("title", unescape(reference.getTitle()));
        a.attr(MarkdownRenderer.OFFSET_ATTR, Integer.toString(ref.getStartOffset()));
        inline(a, () -> children(ref));
    }

    /** Links flexmark writes as their text alone ({@code javascript:} by default). */
    private boolean suppressed(CharSequence url) {
        return html.suppressedLinks != null && html.suppressedLinks.matcher(url).matches();
    }

    private void fencedCode(FencedCodeBlock node) {
        line();
        Element pre = open("pre");
        Element code = open("code");
        BasedSequence info = node.getInfo();
        if (info.isNotNull() && !info.isBlank()) {
            String language = unescape(node.getInfoDelimitedByAny(html.languageDelimiterSet));
            code.attr("class", html.languageClassMap.getOrDefault(language, html.languageClassPrefix + language));
        } else if (!html.noLanguageClass.trim().isEmpty()) {
            code.attr("class", html.noLanguageClass.trim());
        }
        start(pre);
        start(code);
        String content = node.getContentChars().normalizeEOL();
        text.append(content);
        if (!content.isEmpty()) last = content.charAt(content.length() - 1);
        end();
        end();
        if (html.htmlBlockCloseTagEol) line();
    }

    /** A raw tag alone ({@code <small>}, {@code </small>}, {@code <br>}), as name and kind; null for any other raw HTML. */
    private record Tag(String name, boolean end) {
        static Tag of(HtmlInline node) {
            Matcher m = SIMPLE_TAG.matcher(node.getChars());
            if (!m.matches()) return null;
            String name = m.group(2);
            boolean end = !m.group(1).isEmpty();
            if (name.equals("br")) return end ? null : new Tag(name, false);
            return PHRASING.contains(name) && m.group(3).isEmpty() ? new Tag(name, end) : null;
        }
    }

    /**
     * Raw {@code <small>} up to the {@code </small>} among its next siblings, with no other raw HTML between: well nested,
     * so the parser builds the element as written. Returns the end tag's node, where the walk goes on.
     */
    private com.vladsch.flexmark.util.ast.Node htmlInline(HtmlInline node) {
        Tag tag = Tag.of(node);
        if (tag == null || tag.end()) throw new Unsupported();
        if (tag.name().equals("br")) {
            element("br");
            return node;
        }
        var close = node.getNext();
        while (close != null && !(close instanceof HtmlInline)) close = close.getNext();
        if (close == null || !new Tag(tag.name(), true).equals(Tag.of((HtmlInline) close))) throw new Unsupported();
        start(open(tag.name()));
        for (var n = node.getNext(); n != close; n = n.getNext()) node(n);
        end();
        return close;
    }

    /** A comment alone in its block, with nothing but line breaks after it: a comment node and text. */
    private void commentBlock(HtmlCommentBlock node) {
        String raw = node.getChars().normalizeEOL();
        String trimmed = raw.stripTrailing();
        int end = trimmed.length() - 3;
        if (!trimmed.startsWith("<!--") || !trimmed.endsWith("-->") || trimmed.indexOf("-->", 4) != end || end < 4
            || trimmed.startsWith("<!-->") || trimmed.startsWith("<!--->") || trimmed.contains("--!>") || trimmed.indexOf('\0') >= 0
            || trimmed.endsWith("--->"))
            throw new Unsupported();
        flushText();
        current.appendChild(new Comment(trimmed.substring(4, end)));
        last = '>';
        raw(raw.substring(trimmed.length()));
    }

    /**
     * A new element whose tag comes from the tree's own tag set: {@code new Element(name)} makes a tag set and a copy of
     * the tag for each element (12% of building issue 578's tree); a parsed document shares one set too.
     */
    private Element open(String name) {
        return new Element(tags.valueOf(name, Parser.NamespaceHtml), null);
    }

    private void inline(Element e, Runnable content) {
        start(e);
        content.run();
        end();
    }

    private void block(Element e, Runnable content) {
        line();
        start(e);
        content.run();
        end();
        line();
    }

    private void blockIndent(Element e, com.vladsch.flexmark.util.ast.Node n) {
        line();
        start(e);
        line();
        children(n);
        line();
        end();
        line();
    }

    private void element(String name) {
        flushText();
        current.appendChild(open(name));
        last = '>';
    }

    private void start(Element e) {
        flushText();
        current.appendChild(e);
        current = e;
        last = '>';
    }

    private void end() {
        flushText();
        current = current.parent();
        last = '>';
    }

    /** Where flexmark starts a line: a line break unless the HTML so far ends with one. */
    private void line() {
        if (last != '\n') raw("\n");
    }

    private void raw(String s) {
        if (s.isEmpty()) return;
        text.append(s);
        last = s.charAt(s.length() - 1);
    }

    /**
     * Text that starts a line loses its leading spaces (not tabs), as flexmark's HTML writer drops them
     * (F_TRIM_LEADING_WHITESPACE): only a backslash line break leaves them there ({@code a\\} then an indented line).
     */
    private String lineStart(String s) {
        if (last != '\n' || s.isEmpty() || s.charAt(0) != ' ' && s.charAt(0) != '\t') return s;
        StringBuilder kept = new StringBuilder(s.length());
        int i = 0;
        for (; i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t'); i++) if (s.charAt(i) == '\t') kept.append('\t');
        return kept.append(s, i, s.length()).toString();
    }

    private void text(String s) {
        raw(s.indexOf('\r') < 0 ? s : Escaping.normalizeEOL(s));
    }

    /** What {@code chars.unescape()} gives, without its regex where there is no backslash or entity to unescape. */
    private static String unescape(BasedSequence chars) {
        String s = chars instanceof SubSequence slice && slice.getBase() instanceof String source
            ? nulReplaced(source.substring(slice.getStartOffset(), slice.getEndOffset())) // one copy, not flexmark's char by char
            : chars.toString();
        return s.indexOf('\\') < 0 && s.indexOf('&') < 0 ? s : chars.unescape();
    }

    /** A flexmark sequence reads U+0000 as U+FFFD (CommonMark's rule): so does a slice taken from its source. */
    private static String nulReplaced(String s) {
        return s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    private void flushText() {
        if (text.length() == 0) return;
        current.appendChild(new TextNode(text.toString()));
        text.setLength(0);
    }
}
