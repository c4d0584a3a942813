package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import org.junit.jupiter.api.Test;
import org.mailroom.issue.inline.CssInliner;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The renderer inlines the cleaned body's tree inside the parsed theme instead of parsing the themed page again;
 * the email must be exactly what inlining that page gives, whatever HTML the editor wrote.
 */
class InlinedTreeTest {
    private static final IssueRenderer RENDERER = new IssueRenderer(Golden.SETTINGS);
    private static final CssInliner INLINER = new CssInliner();

    private static void assertInlinedAsThePage(String body) {
        EmailContent c;
        try {
            c = RENDERER.render("t.md", ("Title: T\nNumber: 1\n\n" + body).getBytes(StandardCharsets.UTF_8)).content();
        } catch (IssueException refused) {
            return;
        }
        assertThat(c.html()).isEqualTo(INLINER.inline(c.sourceHtml()));
    }

    @Test
    void markup_that_parses_differently_a_second_time_is_inlined_as_the_page() {
        for (String body : List.of(
            "<table><template><tr><td>cell</td></tr></template></table>\n",  // the cleaner drops template: a row without tbody
            "<pre>\n\nstarts with a blank line</pre>\n",                     // the parser drops a newline after <pre>
            "<p>a<form><div>b</div></form>c</p>\n", "<p><button><div>x</div></button></p>\n",
            "text &#13; with a carriage return &#0; and a NUL &#xD800;\n", "<b><p>misnested</b> text</p>\n",
            "<a href=\"https://x.test\"><table><tr><td><a href=\"https://y.test\">nested</a></td></tr></table></a>\n",
            "* item\n<!-- gone -->\n- other list\n", "[broken](https://x.test/a\nb) and [open](https://x.test/c\n",
            "<table>[repaired in a table](https://x.test/l)\n</table>\n",    // jsoup leaves text in a table, but moves a link out
            "<p>&#0;[l](https://x.test/l)\n</p>\n",                          // a NUL alone in a text node is dropped
            "<li><table><li>fostered into the outer item\n", "| a | b |\n|---|---|\n| x </td><li>y | `z` |\n",
            "<h1><a href=\"https://x.test\"><p>x</h1><h1>y\n", "<table><colgroup><col>text in a column group</table>\n"))
            assertInlinedAsThePage(body);
    }

    @Property(tries = 500)
    void any_body_is_inlined_as_the_page(@ForAll("soup") String body) {
        assertInlinedAsThePage(body);
    }

    /** Mostly bodies the renderer takes the tree of: no table markup, nothing the cleaner drops. */
    @Property(tries = 500)
    void any_body_without_tables_is_inlined_as_the_page(@ForAll("safeSoup") String body) {
        assertInlinedAsThePage(body);
    }

    private static final List<String> SAFE_TAGS = List.of("p", "div", "span", "ul", "ol", "ol start=\"3\"", "li", "dl", "dt", "dd",
        "a href=\"https://x.test\"", "a href=\"#fn\" class=\"footnote-backref\"", "b", "i", "em", "strong", "small", "code", "pre",
        "h1", "h2", "h3", "blockquote", "center", "details", "summary", "figure", "figcaption", "sup", "sub", "q", "abbr", "del", "s",
        "kbd", "cite", "u", "img src=\"https://x.test/i.png\" alt=\"i\"", "br", "hr", "p title=\"&#0;&#13;\"",
        "a href=\"https://x.test/&#0;\" title=\"&#13;\"");
    private static final List<String> OTHER_TAGS = List.of("table", "tbody", "tr", "td", "th", "caption", "col", "template",
        "button", "form", "select", "option", "svg", "math", "font", "section", "textarea", "listing", "noscript",
        "table class=\"outer\"", "thead", "tfoot", "colgroup");
    private static final List<String> TEXT = List.of("x", "two words", " ", "\n", "\n\n", "&#13;", "&#0;", "&nbsp;", "&amp;", "* ", "1. ",
        "> ", "    ", "[l](https://x.test/l)", "[b](https://x.test/b", "](https://x.test/c)", "] (/d)", "[e]((https://x.test/e))",
        "`c`", "<!-- c -->", "```\nfenced\n```\n", "- ", ": ", "[^1]", "[^1]: note\n", "~~s~~", "*em*", "{.cls}", "Term\n: def\n");

    @Provide
    Arbitrary<String> soup() {
        return soup(Arbitraries.of(concat(SAFE_TAGS, OTHER_TAGS)),
            Arbitraries.of(concat(TEXT, List.of("| c </td>", "| d </tr><em>e</em> |", "|a|b|\n|-|-|\n|1|2|\n"))));
    }

    @Provide
    Arbitrary<String> safeSoup() {
        return soup(Arbitraries.of(SAFE_TAGS), Arbitraries.of(TEXT));
    }

    private static Arbitrary<String> soup(Arbitrary<String> tags, Arbitrary<String> text) {
        Arbitrary<String> start = tags.map(t -> "<" + t + ">");
        Arbitrary<String> end = tags.map(t -> "</" + t.split(" ")[0] + ">");
        return Arbitraries.frequencyOf(Tuple.of(3, start), Tuple.of(2, end), Tuple.of(3, text))
            .list().ofMaxSize(40).map(l -> String.join("", l));
    }

    private static List<String> concat(List<String> a, List<String> b) {
        return Stream.concat(a.stream(), b.stream()).toList();
    }
}
