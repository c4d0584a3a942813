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

/**
 * The renderer's parser (its inline parser, the anchored list-item pattern and the fence pre-check) reads Markdown
 * exactly as flexmark's own.
 */
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

    @Test
    void link_labels_with_backslashes_brackets_and_odd_lengths_parse_the_same() {
        sameAsFlexmarks("""
            [a\\](https://a.test) [b\\]](https://b.test) [c\\[d](https://c.test) [e\\\\](https://e.test) [f\\x][r] [g\\] h]
            [\uD83D\uDE00 smile][r] [](https://empty.test) [x]y] [z
            spanning lines](https://z.test) [r]

            [r]: https://r.test
            """);
        for (int n : new int[] {997, 998, 999, 1000, 1001}) {
            String label = "a".repeat(n);
            sameAsFlexmarks("[" + label + "](https://l.test) [" + label + "][r]\n\n[r]: https://r.test\n");
            sameAsFlexmarks("[" + "\\]".repeat(n / 2) + "](https://l.test)\n");
        }
    }

    @Test
    void fences_headings_breaks_and_list_markers_of_every_kind_parse_the_same() {
        sameAsFlexmarks("""
            ```rust
            let x = 1;
            ```
               ~~~ text
            ~~~
            ``` not `a fence`
            x ``` mid-line
                ```
                indented code
                ```
            * a
            + b
            - c
            1. d
            2) e
            123456789. f
            1234567890. g
            -not a list
            *	star tab
            1.	one tab
            -
            * ```
              code in item
              ```
            > ```
            > quoted
            > ```

            # One
            ###### Six ######
            ####### seven is text
            #no space
               ## indented three
                # indented four
            Setext one
            ===
            Setext two
            ---
            * item
            ---
            ***
            * * *
            _ _ _
            - - -
            --
            ==
            a paragraph
            ***
            - - x
            *	*	*
            text
            ---	
            text
            ===  x
            text
            -=-
            """);
        sameAsFlexmarks("text\n---\u2028");
        sameAsFlexmarks("text\n===\u0085more");
    }

    @Test
    void the_list_marker_pattern_is_tried_at_the_start_of_the_line_only() {
        var parsing = new com.vladsch.flexmark.ast.util.Parsing(OPTIONS);
        java.util.regex.Pattern flexmarks = parsing.LIST_ITEM_MARKER;
        AnchoredListMarker.apply(parsing);
        assertThat(flexmarks.pattern()).startsWith("^").contains("|^");
        assertThat(parsing.LIST_ITEM_MARKER.pattern()).isEqualTo("^(?:" + flexmarks.pattern().substring(1).replace("|^", "|") + ")");
        for (String line : new String[] {"* a", "- ", "+\tb", "1. x", "2) y", "1234567890. z", "x * y", " * a", "*", "1.", "10)x", "a"}) {
            var theirs = flexmarks.matcher(line);
            var ours = parsing.LIST_ITEM_MARKER.matcher(line);
            boolean found = theirs.find();
            assertThat(ours.find()).as(line).isEqualTo(found);
            if (!found) continue;
            for (int g = 0; g <= theirs.groupCount(); g++) assertThat(ours.group(g)).as(line + " group " + g).isEqualTo(theirs.group(g));
        }
    }

    @Test
    void only_one_alternation_outside_groups_is_rewritten() {
        assertThat(AnchoredListMarker.topLevelBar("^a|^b")).isEqualTo(2);
        assertThat(AnchoredListMarker.topLevelBar("^([\\Q|*\\E])(?= |$)|^(\\d)")).isEqualTo(18);
        assertThat(AnchoredListMarker.topLevelBar("^a|^b|^c")).isEqualTo(-1);
        assertThat(AnchoredListMarker.topLevelBar("^(a|b)")).isEqualTo(-1);
        assertThat(AnchoredListMarker.topLevelBar("^[|]a")).isEqualTo(-1);
        assertThat(AnchoredListMarker.topLevelBar("^\\|a")).isEqualTo(-1);
        assertThat(AnchoredListMarker.anchored(java.util.regex.Pattern.compile("^a|b")).pattern()).isEqualTo("^a|b");
    }

    @Test
    void fences_headings_and_breaks_keep_their_places_among_the_block_parsers() throws Exception {
        assertThat(blockFactories(OURS)).isEqualTo(blockFactories(FLEXMARKS).stream()
            .map(name -> java.util.Map.of(com.vladsch.flexmark.parser.core.FencedCodeBlockParser.Factory.class.getName(), BlockStarts.Fence.class.getName(),
                com.vladsch.flexmark.parser.core.HeadingParser.Factory.class.getName(), BlockStarts.Heading.class.getName(),
                com.vladsch.flexmark.parser.core.ThematicBreakParser.Factory.class.getName(), BlockStarts.ThematicBreak.class.getName())
                .getOrDefault(name, name))
            .toList());
    }

    private static java.util.List<String> blockFactories(Parser parser) throws ReflectiveOperationException {
        var field = Parser.class.getDeclaredField("blockParserFactories");
        field.setAccessible(true);
        return ((java.util.List<?>) field.get(parser)).stream().map(f -> f.getClass().getName()).toList();
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> mine = Arbitraries.of("[", "]", "(", ")", "[t]", "[x][t]", "[t]: https://t.test \"title\"\n", "<https://a.test>",
            "`", "``", "![i](p.png)", "[l](https://l.test 'q')", "\\[", "**", "*", "~~", "\n", "\n\n", "  - ", "1. ", "<b>", "</b>",
            "\\", "\\]", "\\\\", "```", "~~~", "```rust\n", "   ```\n", "    ~~~\n", "+ ", "- ", "2) ", "9. ", "\t", "\uD83D\uDE00",
            "# ", "### ", "#", " #", "===\n", "---\n", "***\n", "* * *\n", "___\n", "_ _ _", "=", "-", "_");
        return Arbitraries.oneOf(RenderPropertyTest.pieces(), mine).list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
