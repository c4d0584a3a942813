package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.mailroom.config.Config;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Hostile and odd Markdown, generated: rendering either fails with an IssueException or gives output that
 * keeps the invariants (no script or handler, only absolute links, a subject without line breaks, MIME
 * lines of at most 998 octets ending in CRLF).
 */
class RenderPropertyTest {
    private static final IssueRenderer RENDERER = new IssueRenderer(Golden.SETTINGS);
    private static final SampleMessage SAMPLE = SampleMessage.from(Config.of(Map.of()));

    @Property(tries = 200)
    void render_fails_only_with_issue_exception_and_keeps_its_invariants(@ForAll("titles") String title, @ForAll("bodies") String body) {
        byte[] bytes = ("Title: " + title + "\nNumber: 1\n\n" + body).getBytes(StandardCharsets.UTF_8);
        IssueRenderer.Rendered r;
        try {
            r = RENDERER.render("gen.md", bytes);
        } catch (IssueException expected) {
            assertThat(expected.getMessage()).startsWith("gen.md: ").doesNotContain("\n");
            return;
        }
        EmailContent c = r.content();
        assertThat(c.subject()).doesNotContain("\r", "\n");
        for (Element e : Jsoup.parse(c.html()).body().getAllElements()) {
            assertThat(e.normalName()).isNotIn("script", "iframe", "object", "embed", "form");
            for (Attribute a : e.attributes()) {
                assertThat(a.getKey()).doesNotStartWith("on");
                assertThat(a.getValue().strip().toLowerCase()).doesNotStartWith("javascript:").doesNotStartWith("data:");
            }
            if (e.normalName().equals("a") && e.hasAttr("href"))
                assertThat(e.attr("href")).matches("(https?:|mailto:|#).*");
        }
        assertThat(c.text()).doesNotContain("\r");
        byte[] eml = SAMPLE.eml(c);
        String raw = new String(eml, StandardCharsets.ISO_8859_1);
        assertThat(raw.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
        for (String line : raw.split("\r\n")) assertThat(line.length()).isLessThanOrEqualTo(998);
    }

    @Property(tries = 500)
    void the_counted_utf8_size_is_the_encoded_size(@ForAll("texts") String s) {
        assertThat(IssueRenderer.utf8Length(s)).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("a\u00e9\u07ff\u0800\u20ac\uffff\uD83E\uDD80\uD800\uDFFF").ofMaxLength(30);
    }

    @Provide
    Arbitrary<String> titles() {
        return Arbitraries.oneOf(Arbitraries.strings().ofMinLength(1).ofMaxLength(40),
            Arbitraries.of("Weekly 1", "Injected\rBcc: x@y.test", "Tab\there", "Emoji \uD83E\uDD80 title", "<script>x</script>"));
    }

    @Provide
    Arbitrary<String> bodies() {
        return pieces().list().ofMinSize(0).ofMaxSize(30).map(l -> String.join("", l));
    }

    static Arbitrary<String> pieces() {
        Arbitrary<String> words = Arbitraries.strings().withChars("abc xyz<>&[]()*_`#!-:|\\\"'").ofMaxLength(30);
        Arbitrary<String> urls = Arbitraries.of("https://ok.test/a", "/blog/x", "rel.html", "javascript:alert(1)", "data:text/html,x",
            "hhttps://typo.test", "www.no-scheme.test", "REDDIT_LINK_HERE", "", "#anchor", "mailto:a@b.test", "  spaced url ");
        return Arbitraries.oneOf(words, words.map(w -> w + "\n"), Arbitraries.of("\n", "\n\n", "    ", "> ", "* ", "1. ", "## ", "---\n",
                "<!-- note -->", "<!--\n<!~~ nested ~~>\n-->\n", "<!-- unterminated", "<script>alert(1)</script>", "<div onclick=\"x()\">",
                "</div>", "<small>", "<iframe src=\"https://e.test\"></iframe>", "<a href=\"javascript:x\">j</a>",
                "<img src=x onerror=y>", "```\ncode <b>\n```\n", "| a | b |\n|---|---|\n| 1 | 2 |\n", "[^1]\n\n[^1]: note\n",
                "[ref]: /defined\n", "[x][ref]", "[y][undefined]", "&amp;", "&#0;", "\u0000", "\u00e9", "\u221a\u00a7", "\t", "\r\n"),
            urls.map(u -> "[link](" + u + ")"), urls.map(u -> "![img](" + u + ")"), urls.map(u -> "<a href=\"" + u + "\">h</a>"));
    }

    @Property(tries = 20)
    void deep_nesting_of_any_kind_is_refused_not_overflowed(@ForAll("deep") String body) {
        try {
            RENDERER.render("deep.md", ("Title: Deep\n\n" + body).getBytes(StandardCharsets.UTF_8));
        } catch (IssueException expected) {
            assertThat(expected.getMessage()).contains("deep.md");
        }
    }

    @Provide
    Arbitrary<String> deep() {
        return Arbitraries.of(List.of("> ", "* ", "- ", "1. ", "<div>", "<span>", "<blockquote>", "[", "*", "_", "`"))
            .flatMap(unit -> Arbitraries.integers().between(50, 10_000).map(n -> unit.repeat(n) + "x\n"));
    }
}
