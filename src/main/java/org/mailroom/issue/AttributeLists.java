package org.mailroom.issue;

import com.vladsch.flexmark.ast.Heading;
import com.vladsch.flexmark.ast.Paragraph;
import com.vladsch.flexmark.ast.SoftLineBreak;
import com.vladsch.flexmark.ast.Text;
import com.vladsch.flexmark.ext.attributes.AttributesExtension;
import com.vladsch.flexmark.ext.attributes.AttributesNode;
import com.vladsch.flexmark.ext.attributes.internal.AttributesInlineParserExtension;
import com.vladsch.flexmark.ext.attributes.internal.AttributesNodePostProcessor;
import com.vladsch.flexmark.ext.definition.DefinitionTerm;
import com.vladsch.flexmark.ext.tables.TableCell;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.PostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessor;
import com.vladsch.flexmark.parser.block.DocumentPostProcessorFactory;
import com.vladsch.flexmark.parser.internal.PostProcessorManager;
import com.vladsch.flexmark.util.ast.Document;
import com.vladsch.flexmark.util.ast.Node;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.MutableDataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.ArrayList;
import java.util.List;

/**
 * Attribute lists where Python-Markdown's attr_list takes them, and literal text everywhere else. flexmark's
 * extension reads any {@code {...}} in prose as attributes and drops it from the text: in TWiR,
 * {@code f"Don't Give your {secrets} away"}, {@code {n} times faster} and Rust's unicode escapes lost their words in
 * the email while the web page (Python-Markdown) shows them. An attribute list counts, as in attr_list, right after
 * an inline element ({@code *em*{.c}}, {@code [link](url){.c}}), at the end of a heading, table cell or definition
 * term after a space ({@code # Title {#id}}), or on the last line of a paragraph ({@code text\n{.c}});
 * any other becomes text again. The extension's own post-processor then runs as before, and only when a list is
 * left: it classifies every node of the document first (10% of issue 578's parse) to find them.
 * <p>
 * Register {@link #EXTENSION} in the parser's extensions in place of {@link AttributesExtension}; the HTML renderer
 * keeps {@link AttributesExtension}, which renders the attributes.
 */
final class AttributeLists extends DocumentPostProcessorFactory {
    /** The parser's side of {@link AttributesExtension}, with this post-processor in place of flexmark's. */
    static final Parser.ParserExtension EXTENSION = new Parser.ParserExtension() {
        private final AttributesExtension flexmarks = AttributesExtension.create();

        @Override
        public void parserOptions(MutableDataHolder options) {
            flexmarks.parserOptions(options);
        }

        @Override
        public void extend(Parser.Builder builder) {
            builder.postProcessorFactory(new AttributeLists(builder));
            builder.customInlineParserExtensionFactory(new AttributesInlineParserExtension.Factory());
        }
    };

    private final List<PostProcessorManager.PostProcessorDependencyStage> flexmarks;

    private AttributeLists(DataHolder options) {
        flexmarks = PostProcessorManager.calculatePostProcessors(options, List.of(new AttributesNodePostProcessor.Factory()));
    }

    @Override
    public PostProcessor apply(Document document) {
        return new DocumentPostProcessor() {
            @Override
            public Document processDocument(Document doc) {
                if (doc.getChars().indexOf('{') < 0) return doc;
                List<AttributesNode> lists = new ArrayList<>();
                collect(doc, lists);
                boolean kept = false;
                for (AttributesNode list : lists) {
                    if (taken(list)) kept = true;
                    else asText(list);
                }
                return kept ? PostProcessorManager.processDocument(doc, flexmarks) : doc;
            }
        };
    }

    private static void collect(Node node, List<AttributesNode> into) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n.getClass() == AttributesNode.class) into.add((AttributesNode) n);
            else if (n.hasChildren()) collect(n, into);
        }
    }

    /** Whether attr_list would read this list as attributes (see the class comment). */
    static boolean taken(AttributesNode list) {
        Node previous = list.getPrevious();
        Node parent = list.getParent();
        if (previous != null && !(previous instanceof Text || previous instanceof SoftLineBreak || previous instanceof AttributesNode)
            && !previous.isOrDescendantOfType(com.vladsch.flexmark.ast.HtmlInline.class)
            && previous.getEndOffset() == list.getStartOffset()) return true;
        if (!lastInLine(list)) return false;
        if (parent instanceof Heading || parent instanceof TableCell || parent instanceof DefinitionTerm)
            return previous instanceof Text t && t.getChars().endsWith(" ");
        if (parent instanceof Paragraph) {
            Node before = previous instanceof Text t && isSpaces(t.getChars()) ? previous.getPrevious() : previous;
            return before instanceof SoftLineBreak;
        }
        return false;
    }

    /** Nothing but spaces after it, up to the end of its block (a paragraph's last line ends in a line break). */
    private static boolean lastInLine(Node list) {
        for (Node n = list.getNext(); n != null; n = n.getNext())
            if (!(n instanceof Text t && isSpaces(t.getChars()) || n instanceof SoftLineBreak && n.getNext() == null)) return false;
        return true;
    }

    private static boolean isSpaces(BasedSequence s) {
        for (int i = 0; i < s.length(); i++) if (s.charAt(i) != ' ') return false;
        return true;
    }

    private static void asText(AttributesNode list) {
        list.insertBefore(new Text(list.getChars()));
        list.unlink();
    }
}
