package org.mailroom.issue;

import com.vladsch.flexmark.html.HtmlRendererOptions;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Generated Markdown: where a tree is built from flexmark's nodes, it is the one jsoup parses from flexmark's HTML. */
class HtmlTreePropertyTest {
    private static final MarkdownRenderer MARKDOWN = new MarkdownRenderer();

    @Property(tries = 1000)
    void a_built_tree_is_the_parsed_tree(@ForAll("bodies") String md) {
        var doc = MARKDOWN.parse(md, lint(md));
        String html = MARKDOWN.render(doc, lint(md));
        Document built = HtmlTree.build(doc, new HtmlRendererOptions(doc));
        Statistics.label("tree built").collect(built != null);
        if (built == null) return;
        assertThat(HtmlTreeTest.shape(built.body())).isEqualTo(HtmlTreeTest.shape(Jsoup.parseBodyFragment(html).body()));
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> mine = Arbitraries.of("<small>", "</small>", "<sup>", "</sup>", "<br>", "<br />", "<b>", "</b>", "{.note}",
            "{secrets}", "{#id .a .b title=\"t\"}", "**", "*", "`", "  \n", "```rust\n", "```\n", "\\", "&copy;", "    * ", "  - ",
            "1) ", "3. ", "{Data-X=1}", "{onclick=x}", "[t]: https://t.test \"title\"\n", "[t]", "[x][t]", "<!-- c -->\n", "<!--\nc\n-->\n", "# h {.c}\n", "## Same\n");
        return Arbitraries.oneOf(RenderPropertyTest.pieces(), mine).list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
    }

    private static Lint lint(String md) {
        return new Lint(new Issue("gen.md", Map.of(), "Title", md, 1), new java.util.ArrayList<>(List.of()));
    }
}
