package org.mailroom.issue;

import com.vladsch.flexmark.html.HtmlRenderer;
import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.util.data.MutableDataSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** The renderer's inline parser (no copy of the input per regex match) reads Markdown exactly as flexmark's own. */
class RegionInlineParserTest {
    private static final MutableDataSet OPTIONS = MarkdownRenderer.options(true);
    private static final Parser FLEXMARKS = Parser.builder(OPTIONS).build();
    private static final Parser OURS = MarkdownRenderer.parser(OPTIONS);
    private static final HtmlRenderer HTML = HtmlRenderer.builder(OPTIONS).build();

    private static void sameAsFlexmarks(String md) {
        assertThat(HTML.render(OURS.parse(md))).isEqualTo(HTML.render(FLEXMARKS.parse(md)));
    }

    @Test
    void the_sample_issue_parses_the_same() throws Exception {
        sameAsFlexmarks(Files.readString(Path.of("examples/sample-issue.md")));
    }

    @Test
    void links_code_spans_references_and_brackets_parse_the_same() {
        sameAsFlexmarks("""
            A [link](https://a.test "t"), a [reference][r], a [shortcut], `code` and ``code with ` inside``,
            <https://auto.test>, ![image](i.png), [not closed, [nested [brackets]](https://n.test) and \\[escaped].
            * [item][r] with *emphasis* and **strong** and ~~gone~~
              continued `span`

            [r]: https://r.test 'title'
            [shortcut]: <https://s.test>
            """);
    }

    @Property(tries = 500)
    void any_generated_body_parses_the_same(@ForAll("bodies") String md) {
        sameAsFlexmarks(md);
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> mine = Arbitraries.of("[", "]", "(", ")", "[t]", "[x][t]", "[t]: https://t.test \"title\"\n", "<https://a.test>",
            "`", "``", "![i](p.png)", "[l](https://l.test 'q')", "\\[", "**", "*", "~~", "\n", "\n\n", "  - ", "1. ", "<b>", "</b>");
        return Arbitraries.oneOf(RenderPropertyTest.pieces(), mine).list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
