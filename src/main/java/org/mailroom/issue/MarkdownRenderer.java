package org.mailroom.issue;

import com.vladsch.flexmark.ast.LinkRef;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ast.Image;
import com.vladsch.flexmark.ast.ImageRef;
import com.vladsch.flexmark.ast.Link;
import com.vladsch.flexmark.ext.abbreviation.AbbreviationExtension;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.definition.DefinitionExtension;
import com.vladsch.flexmark.ext.footnotes.FootnoteExtension;
import com.vladsch.flexmark.ext.gfm.strikethrough.StrikethroughExtension;
import com.vladsch.flexmark.ext.tables.TablesExtension;
import com.vladsch.flexmark.html.AttributeProvider;
import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.html.HtmlRendererOptions;
import com.vladsch.flexmark.html.IndependentAttributeProviderFactory;
import com.vladsch.flexmark.html.renderer.LinkResolverContext;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.misc.Extension;

import org.jsoup.Jsoup;

import java.util.ArrayList;
import java.util.List;

/**
 * Markdown as Python-Markdown "extra" reads TWiR issues: tables, fenced code, footnotes, definition lists,
 * abbreviations, attribute lists, raw HTML, headings with ids. List nesting follows CommonMark's content
 * column, which is what TWiR's editors mean by their 2-, 3- and 4-space indents. Parser and renderer are
 * built once and shared: flexmark's are immutable and thread-safe.
 */
final class MarkdownRenderer {
    /** Attribute carrying a link's source offset from flexmark to the lint; the sanitizer drops it. */
    static final String OFFSET_ATTR = "data-mr-offset";
    /** How every abbreviation definition ({@code *[HTML]: HyperText Markup Language}) starts. */
    private static final String ABBREVIATION_MARK = "*[";
    private final Parser parser;
    /**
     * The same parser without abbreviations, for the issues that define none (all of TWiR's): the extension's
     * post-processor visits every text node even when there is nothing to mark, 7% of flexmark's parse time.
     * Without a definition it cannot change the document, so both parsers give the same tree.
     */
    private final Parser parserWithoutAbbreviations;
    private final HtmlRenderer renderer;
    private final HtmlRendererOptions htmlOptions;

    MarkdownRenderer() {
        MutableDataSet o = options(true);
        parser = parser(o);
        parserWithoutAbbreviations = parser(options(false));
        renderer = HtmlRenderer.builder(o).attributeProviderFactory(new OffsetAttributes()).build();
        htmlOptions = new HtmlRendererOptions(o);
    }

    /**
     * With {@link RegionInlineParser}, {@link BlockStarts} and {@link AttributeLists}; flexmark adds its reference-definition pre-processor only to its
     * own inline parser, so it is added here.
     */
    static Parser parser(MutableDataSet o) {
        MutableDataSet options = new MutableDataSet(o);
        List<Extension> extensions = new ArrayList<>(Parser.EXTENSIONS.get(options));
        extensions.replaceAll(e -> e instanceof AttributesExtension ? AttributeLists.EXTENSION : e);
        options.set(Parser.EXTENSIONS, extensions);
        List<com.vladsch.flexmark.parser.block.CustomBlockParserFactory> blockStarts = BlockStarts.replace(options);
        Parser.Builder builder = Parser.builder(options).customInlineParserFactory(RegionInlineParser.FACTORY);
        blockStarts.forEach(builder::customBlockParserFactory);
        return builder
            .paragraphPreProcessorFactory(new com.vladsch.flexmark.parser.core.ReferencePreProcessorFactory()).build();
    }

    static MutableDataSet options(boolean abbreviations) {
        MutableDataSet o = new MutableDataSet();
        List<Extension> extensions = new ArrayList<>(List.of(TablesExtension.create(), FootnoteExtension.create(),
            DefinitionExtension.create(), AbbreviationExtension.create(), StrikethroughExtension.create(), AttributesExtension.create()));
        if (!abbreviations) extensions.removeIf(e -> e instanceof AbbreviationExtension);
        o.set(Parser.EXTENSIONS, extensions);
        o.set(TablesExtension.MIN_SEPARATOR_DASHES, 1);
        o.set(TablesExtension.APPEND_MISSING_COLUMNS, true);
        o.set(TablesExtension.DISCARD_EXTRA_COLUMNS, true);
        o.set(TablesExtension.HEADER_SEPARATOR_COLUMN_MATCH, false);
        o.set(TablesExtension.CLASS_NAME, "");
        o.set(HtmlRenderer.GENERATE_HEADER_ID, true);
        o.set(HtmlRenderer.RENDER_HEADER_ID, true);
        o.set(HtmlRenderer.HEADER_ID_GENERATOR_NO_DUPED_DASHES, true);  // as Python-Markdown's toc: "issues-prs", not "issues--prs"
        o.set(HtmlRenderer.SOFT_BREAK, "\n");
        return o;
    }

    Document parse(String body, Lint lint) {
        String markdown = ReferenceSpacing.fix(body, lint);
        return (markdown.contains(ABBREVIATION_MARK) ? parser : parserWithoutAbbreviations).parse(markdown);
    }

    /** Renders the body to an HTML fragment, first unlinking references that have no definition. */
    String render(Document doc, Lint lint) {
        unlinkUndefined(doc, lint);
        return renderer.render(doc);
    }

    /**
     * What {@code Jsoup.parseBodyFragment(render(doc, lint))} gives, built from flexmark's tree where {@link HtmlTree}
     * can (issue 578: its 40 KB of HTML neither written nor parsed), else by parsing.
     */
    org.jsoup.nodes.Document tree(Document doc, Lint lint) {
        unlinkUndefined(doc, lint);
        org.jsoup.nodes.Document tree = HtmlTree.build(doc, htmlOptions);
        return tree != null ? tree : Jsoup.parseBodyFragment(renderer.render(doc));
    }

    private static void unlinkUndefined(Document doc, Lint lint) {
        checkComments(lint);
        List<LinkRef> undefined = new ArrayList<>();
        for (Node n : doc.getDescendants()) {
            if (n instanceof LinkRef ref && !ref.isDefined() && !ref.getTextOpeningMarker().isEmpty()) undefined.add(ref);
        }
        for (LinkRef ref : undefined) {
            if (isTagBeforeLink(ref)) {
                ref.insertBefore(new Text(ref.getChars()));
                ref.unlink();
                continue;
            }
            lint.warn(lint.lineOf(ref.getStartOffset()), "reference link [" + ref.getReference() + "] has no definition: shown as plain text");
            unlink(ref);
        }
    }

    /** An unterminated comment silently hides the rest of the issue (in the HTML, at least): say so. */
    static void checkComments(Lint lint) {
        String body = lint.body();
        int open = body.lastIndexOf("<!--");
        if (open >= 0 && body.indexOf("-->", open + 4) < 0)
            lint.warn(lint.lineOf(open), "HTML comment is never closed with -->: it hides the rest of the issue");
    }

    /** {@code [series][video] [Title](url)}: bracketed tags before a link, not a reference; shown as written. */
    private static boolean isTagBeforeLink(LinkRef ref) {
        Node next = ref.getNext();
        if (!(next instanceof Text) || !next.getChars().isBlank()) return false;
        Node after = next.getNext();
        return after instanceof Link || after instanceof LinkRef r && r.isDefined();
    }

    private static void unlink(LinkRef ref) {
        Node child = ref.getFirstChild();
        while (child != null) {
            Node next = child.getNext();
            ref.insertBefore(child);
            child = next;
        }
        ref.unlink();
    }

    /** Tags links and images with their source offset so the lint can name the line. */
    private static final class OffsetAttributes extends IndependentAttributeProviderFactory {
        @Override
        public AttributeProvider apply(LinkResolverContext context) {
            return (node, part, attributes) -> {
                if (node instanceof Link || node instanceof LinkRef || node instanceof Image || node instanceof ImageRef)
                    attributes.replaceValue(OFFSET_ATTR, Integer.toString(node.getStartOffset()));
            };
        }
    }
}
