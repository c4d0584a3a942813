package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The faster safelist keeps and drops exactly the attributes jsoup's own keeps and drops. */
class BaselessSafelistTest {
    private static Safelist config() {
        return Safelist.relaxed().addProtocols("a", "href", "#").addAttributes(":all", "id", "class").preserveRelativeLinks(true);
    }

    private static final Cleaner JSOUP = new Cleaner(config());
    private static final Cleaner OURS = new Cleaner(new BaselessSafelist(config()));

    private static final List<String> URLS = List.of("https://x.test/a?b=c#d", "HTTP://X.test/", "http:/x.test", "https//x.test",
        " https://x.test ", "\thttps://x.test", "ht\ntps://x.test", "java\tscript:alert(1)", "javascript:alert(1)", "JaVaScRiPt:x",
        "url:https://x.test", "URL:javascript:x", "mailto:a@b.test", "tel:+1234", "ftp://x.test/f", "data:text/html,x", "#fn-1",
        "#two words", "#", "", "//x.test/p", "/relative", "relative/page.html", "?q=1", "x:y", "1http://x.test", "https://[::1]:99999/",
        "http://x.test:-1/", "jar:file:/x!/y", "file:///etc/passwd", "https://bücher.test/ä", "vbscript:x", "\u0000https://x.test",
        "https://x.test/\u001f", "  ", "h\u0000ttp://x.test");

    private static String html(List<String> urls) {
        StringBuilder b = new StringBuilder();
        for (String u : urls) {
            String q = u.replace("&", "&amp;").replace("\"", "&quot;");
            b.append("<p><a href=\"").append(q).append("\" class=c>a</a><img src=\"").append(q).append("\" alt=i>")
                .append("<blockquote cite=\"").append(q).append("\">q</blockquote><q cite=\"").append(q).append("\">q</q>")
                .append("<div href=\"").append(q).append("\" src=\"").append(q).append("\">d</div><a HREF=\"").append(q).append("\">b</a></p>\n");
        }
        return b.toString();
    }

    private static void assertSameAsJsoup(Document dirty) {
        assertThat(OURS.clean(dirty).body().html()).isEqualTo(JSOUP.clean(dirty).body().html());
    }

    @Test
    void keeps_and_drops_the_same_urls_as_jsoup() {
        Document dirty = Jsoup.parseBodyFragment(html(URLS));
        assertSameAsJsoup(dirty);
        // and the same values set on elements directly, where no parser has normalized them
        for (Element e : dirty.select("a, img, blockquote, q")) for (String u : URLS) {
            e.attr(e.nameIs("img") ? "src" : e.nameIs("a") ? "href" : "cite", u);
            assertSameAsJsoup(dirty);
        }
    }

    @Test
    void a_document_with_a_base_uri_takes_jsoups_own_path() {
        assertSameAsJsoup(Jsoup.parseBodyFragment("<base href=\"https://site.test/dir/\">" + html(URLS)));
        assertSameAsJsoup(Jsoup.parseBodyFragment(html(URLS), "https://site.test/dir/"));
    }

    @Property(tries = 300)
    void any_url_gets_jsoups_decision(@ForAll("urls") String url) {
        assertSameAsJsoup(Jsoup.parseBodyFragment(html(List.of(url))));
    }

    @Property(tries = 1000)
    void an_http_url_resolves_to_its_lower_cased_scheme_first(@ForAll("urls") String url) {
        String scheme = BaselessSafelist.schemeOf(url);
        if (scheme != null) assertThat(BaselessSafelist.resolve(url).toLowerCase(java.util.Locale.ROOT)).startsWith(scheme);
    }

    @Test
    void only_http_and_https_urls_have_a_scheme_read_without_parsing() {
        assertThat(URLS.stream().filter(u -> BaselessSafelist.schemeOf(u) != null))
            .containsExactly("https://x.test/a?b=c#d", "HTTP://X.test/", "http:/x.test", "\thttps://x.test", "ht\ntps://x.test",
                "https://[::1]:99999/", "http://x.test:-1/", "https://bücher.test/ä", "\u0000https://x.test", "https://x.test/\u001f",
                "h\u0000ttp://x.test");
        for (String u : URLS) if (BaselessSafelist.schemeOf(u) != null)
            assertThat(BaselessSafelist.resolve(u).toLowerCase(java.util.Locale.ROOT)).startsWith(BaselessSafelist.schemeOf(u));
    }

    @Provide
    Arbitrary<String> urls() {
        Arbitrary<String> pieces = Arbitraries.of("http", "https", "HTTPS", "mailto", "tel", "javascript", "data", "url", ":", "//",
            "/", "#", "?", " ", "\t", "\n", "\u0001", "x.test", "a b", "[::1]", ":80", "%20", "&", "ä", "..", ".");
        return pieces.list().ofMaxSize(6).map(l -> String.join("", l));
    }
}
