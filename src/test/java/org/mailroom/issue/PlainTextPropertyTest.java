package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

import static org.assertj.core.api.Assertions.assertThat;

/** The text part, made faster, against the code it replaced: the same text for generated texts and bodies. */
class PlainTextPropertyTest {

    @Property(tries = 3000)
    void defuse_marks_what_the_former_regexes_marked(@ForAll("texts") String text) {
        assertThat(PlainText.defuse(text)).isEqualTo(FormerPlainText.defuse(text));
    }

    @Property(tries = 2000)
    void a_body_gives_the_former_text(@ForAll("bodies") String html) {
        Element body = Jsoup.parseBodyFragment(html).body();
        assertThat(PlainText.of(body)).isEqualTo(FormerPlainText.of(body));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.of("<", ">", "&", "a", "A", "p", "P", "div", "DiV", "span", "table", "td", "tD", "br", "li", "ul",
                "strong", "em", "code", "amp;", "lt;", "gt;", "gt", "quot;", "nbsp;", "#", "12", "0", ";", " ", "_", "\u00e9",
                "\u0301", "x", "9", "\n", "\t", "\uD83D\uDE00", "-", "\u2060", "\u017f", "\u212a", "=", "\"")
            .list().ofMaxSize(30).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.of("<p>", "</p>", "<ul>", "</ul>", "<ol>", "<ol start=\"3\">", "<ol start=\"x\">", "</ol>", "<li>", "</li>",
                "<h1>", "</h1>", "<h2>", "<h3>", "</h3>", "<h6>", "<pre>", "</pre>", "<code>", "</code>", "<br>", "<hr>",
                "<blockquote>", "</blockquote>", "<dl>", "<dt>", "<dd>", "</dd>", "</dl>", "<div>", "</div>", "<details>", "<summary>",
                "<a href=\"https://example.com/\">", "<a href=\"https://example.com/x\">", "<a href=\"mailto:a@b.c\">", "<a href=\"#s\">",
                "<a>", "<a href=\"\">", "<a class=\"footnote-ref\" href=\"#fn1\">", "<a class=\"footnote-backref\" href=\"#r1\">", "</a>",
                "https://example.com", "example.com/", "example.com/x", "a@b.c", "<img alt=\" a\tpicture \">",
                "<section class=\"footnotes\"><ol><li>note</li></ol></section>",
                "<table><tr><th>Name</th><th>Value</th></tr><tr><td>a <a href=\"https://t.example/\">t</a></td><td>1</td></tr></table>",
                "<table><tr><td>" + "long ".repeat(20) + "</td><td>x</td></tr></table>",
                "word", "words and more words", " ", "  ", "\n", "\t", "\u00a0", "\u2003", "\u3000", "Vec&lt;T&gt;", "&amp;amp;",
                "&lt;a href&gt;", "&lt;p&gt;", "\u00e9t\u00e9", "\uD83D\uDE00", "a-very-long-word-" + "x".repeat(70), "x".repeat(30))
            .list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
