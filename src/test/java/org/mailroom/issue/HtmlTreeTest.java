package org.mailroom.issue;

import com.vladsch.flexmark.html.HtmlRendererOptions;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The tree built from flexmark's nodes is the one jsoup parses from flexmark's HTML, node for node, or there is none. */
class HtmlTreeTest {
    private final MarkdownRenderer markdown = new MarkdownRenderer();

    @ParameterizedTest
    @ValueSource(strings = {
        "# Title\n\nSome *em*, **strong**, `code  with   spaces`, a [link](https://a.example/?x=1&y=2 \"its title\").\n",
        "Two lines\nin one paragraph, and a hard  \nbreak; an entity &amp; &copy; and \\*escapes\\*.\n",
        "* tight\n* list\n    * nested\n\n1. loose\n\n2. ordered\n\n7. starts later\n",
        "- [Title][ref] and [ref] and [undefined][nowhere] and [also undefined]\n\n[ref]: https://b.example/ \"ref title\"\n",
        "> quoted\n> text\n\n---\n\nafter a rule\n",
        "```rust\nfn main() {}\n\n```\n\n```\nplain\n```\n",
        "<!-- a comment block -->\n\ntext\n\n<!--\nmulti\nline\n-->\n- item\n",
        "<small>[Discuss](https://r.example/)</small> and <sup>1</sup>, a<br>b <br/> c\n",
        "**logger.info(f\"Don't Give your {secrets} away\")** and text{.note #here}\n",
        "## Same\n\n## Same\n\n### Issues & PRs -- here\n",
        "a NUL \0 in text and in [a link\0](https://n.example/\0) reads as U+FFFD, as flexmark reads it\n",
        "a backslash break\\\n    <br> then an indented line, whose spaces flexmark's writer drops\\\n\t  and a tab it keeps\n",
    })
    void builds_the_tree_jsoup_parses_from_flexmarks_html(String md) {
        Document built = built(md);
        assertThat(built).as("built").isNotNull();
        assertThat(shape(built.body())).isEqualTo(shape(parsed(md).body()));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "| a | b |\n|---|---|\n| 1 | 2 |\n",
        "<div>\nraw block\n</div>\n",
        "text <b>bold *crossing</b> emphasis*\n",
        "text <span class=\"x\">with attributes</span>\n",
        "an ![image](https://i.example/a.png)\n",
        "<!-- comment --> with text after it\n",
        "# Heading {#custom}\n",
    })
    void leaves_what_it_does_not_know_to_the_parser(String md) {
        assertThat(built(md)).isNull();
        assertThat(shape(markdown.tree(markdown.parse(md, lint(md)), lint(md)).body())).isEqualTo(shape(parsed(md).body()));
    }

    @Test
    void builds_the_same_tree_as_the_parser_for_every_corpus_issue_it_takes() throws IOException {
        List<Path> files = Golden.corpus();
        IssueRenderer renderer = new IssueRenderer(Golden.SETTINGS);
        List<String> differ = new ArrayList<>();
        int builtCount = 0;
        for (Path f : files) {
            String body = renderer.read(f.getFileName().toString(), Files.readAllBytes(f), Lint.newList()).body();
            Document built = built(body);
            if (built == null) continue;
            builtCount++;
            if (!shape(built.body()).equals(shape(parsed(body).body()))) differ.add(f.getFileName().toString());
        }
        assertThat(differ).isEmpty();
        assertThat(builtCount).as("issues built from the tree").isGreaterThan(files.size() / 2);
    }

    private Document built(String md) {
        Lint lint = lint(md);
        var doc = markdown.parse(md, lint);
        markdown.render(doc, lint);  // unlinks undefined references, as tree() does before building
        return HtmlTree.build(doc, new HtmlRendererOptions(doc));
    }

    private Document parsed(String md) {
        Lint lint = lint(md);
        return Jsoup.parseBodyFragment(markdown.render(markdown.parse(md, lint), lint));
    }

    private static Lint lint(String md) {
        return new Lint(new Issue("t.md", java.util.Map.of(), "Title", md, 1), Lint.newList());
    }

    /** Every node with its kind, attributes in order and whole text: where text nodes split shows too. */
    static String shape(Node n) {
        StringBuilder b = new StringBuilder();
        shape(n, b, 0);
        return b.toString();
    }

    private static void shape(Node n, StringBuilder b, int depth) {
        b.append("  ".repeat(depth));
        if (n instanceof TextNode t) b.append("text ").append(t.getWholeText().replace("\n", "\\n"));
        else if (n instanceof Comment c) b.append("comment ").append(c.getData().replace("\n", "\\n"));
        else if (n instanceof Element e) {
            b.append('<').append(e.tagName());
            for (Attribute a : e.attributes()) b.append(' ').append(a.getKey()).append("=\"").append(a.getValue()).append('"');
            b.append('>');
        } else b.append(n.nodeName());
        b.append('\n');
        for (Node c : n.childNodes()) shape(c, b, depth + 1);
    }
}
