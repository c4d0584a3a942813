package org.mailroom.issue.inline;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Entities;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HtmlWriter} writes every document and element exactly as jsoup's {@code html()} does with the inliner's settings. */
class HtmlWriterTest {
    private static Document parsed(String html) {
        Document doc = Jsoup.parse(html);
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        return doc;
    }

    private static void sameAsJsoup(String html) {
        Document doc = parsed(html);
        assertThat(HtmlWriter.html(doc, 16)).isEqualTo(doc.html());
        for (var e : doc.getAllElements()) assertThat(HtmlWriter.html(e, 0)).isEqualTo(e.html());
    }

    @Test
    void the_inliner_test_pages_are_written_as_jsoup_writes_them() throws IOException {
        List<Path> pages;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/inline"))) {
            pages = s.filter(p -> p.toString().endsWith(".html")).toList();
        }
        assertThat(pages).isNotEmpty();
        for (Path p : pages) {
            sameAsJsoup(Files.readString(p));
            Document inlined = new CssInliner().inline(parsed(Files.readString(p)));
            assertThat(HtmlWriter.html(inlined, 0)).as(p.toString()).isEqualTo(inlined.html());
        }
    }

    @Test
    void escapes_text_and_attributes_as_jsoup_does() {
        sameAsJsoup("<!doctype html><html><head><title>a & b</title><style>p > a { color: red } /* & < */</style>"
            + "<script>if (a < b && c > d) {}</script></head><body>"
            + "<p title='say \"hi\" & <go> it&#39;s'>quotes \" and ' and &amp; &lt; &gt; &nbsp; \u00a0 \u00e9 \u2014 \uD83D\uDE00</p>"
            + "<p>controls \u0001 \u0008 \u000b \u001f tab\tline\ncr\r del \u007f c1 \u0085 \u009f</p>"
            + "<p>lone \uD800 high, lone \uDC00 low, \uD800\uD800 two highs, \uD835\uDC00 bold A, \uD836\uDC00 U+1D800</p>"
            + "<input type=checkbox checked disabled=disabled value=''><option selected=\"\">x</option><img src=x alt>"
            + "<div data-x=\"\" hidden=HIDDEN class=''></div><br><hr><p></p><span></span>"
            + "<svg viewBox=\"0 0 1 1\"><path d=\"M0 0\"/><foreignObject><p>in svg</p></foreignObject></svg>"
            + "<math><mi>x</mi></math><!-- a comment & < --><![CDATA[ cdata & ]]><table><tr><td>cell</td></tr></table>"
            + "<pre>  keep\n   spaces &amp; </pre><textarea>raw &amp; <b></textarea></body></html>");
    }

    @Test
    void odd_attribute_names_are_written_as_jsoup_writes_them() {
        Document doc = parsed("<p>x</p>");
        var p = doc.selectFirst("p");
        p.attr("a\"b", "1").attr("c d", "2").attr("e=f", "3").attr("x/y", "4").attr("ok-name", "<&\">");
        p.attributes().userData("hidden", "not written");
        assertThat(HtmlWriter.html(doc, 0)).isEqualTo(doc.html());
    }

    @Test
    void other_output_settings_are_left_to_jsoup() {
        Document doc = Jsoup.parse("<p>\u00e9 &amp; \u00a0</p>");
        doc.outputSettings().escapeMode(Entities.EscapeMode.xhtml).charset("US-ASCII");
        assertThat(HtmlWriter.html(doc, 0)).isEqualTo(doc.html());
        doc.outputSettings().prettyPrint(true);
        assertThat(HtmlWriter.html(doc, 0)).isEqualTo(doc.html());
    }

    @Property(tries = 500)
    void any_generated_page_is_written_as_jsoup_writes_it(@ForAll("pages") String html) {
        sameAsJsoup(html);
    }

    @Provide
    Arbitrary<String> pages() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange('\u0000', '\u00ff').withChars("\u2014\uD800\uDC00\uD83D\uDE00\uFFFD\u00a0")
            .ofMaxLength(20);
        Arbitrary<String> markup = Arbitraries.of("<p>", "</p>", "<a href=\"", "\">", "<b class='", "'>", "</b>", "<br>", "<img alt=",
            " checked ", "<table><tr><td>", "</td></tr></table>", "<!--", "-->", "<svg><g>", "</g></svg>", "<script>", "</script>",
            "<style>", "</style>", "<pre>", "</pre>", "&amp;", "&nbsp;", "&#0;", "&#xd800;", "<x-custom a=b>", "<", ">", "\"", "'", "=");
        return Arbitraries.oneOf(text, markup).list().ofMaxSize(40).map(l -> String.join("", l));
    }
}
