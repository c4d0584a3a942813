package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

class LinkLintTest {
    /** What the scheme checks would do with the href, by their regexes: true where they keep it unchanged as http(s). */
    private static boolean keptByTheSchemeChecks(String href) {
        if (LinkLint.MISSING_COLON.matcher(href).matches()) return false;
        Matcher m = LinkLint.SCHEME.matcher(href);
        return m.matches() && (m.group(1).equals("http") || m.group(1).equals("https")) && m.group(2).length() == 2;
    }

    @Property(tries = 2000)
    void a_plain_http_link_is_one_the_scheme_checks_keep_unchanged(@ForAll("hrefs") String href) {
        if (LinkLint.isPlainHttp(href)) assertThat(keptByTheSchemeChecks(href)).isTrue();
    }

    @Test
    void plain_http_links_are_kept_without_a_warning_and_others_are_checked() {
        for (String href : List.of("https://x.test/a", "http://x.test", "https://", "http://x.test/\n(y)")) {
            assertThat(LinkLint.isPlainHttp(href)).as(href).isTrue();
            assertThat(keptByTheSchemeChecks(href)).as(href).isTrue();
        }
        for (String href : List.of("https:///x", "HTTPS://x.test", "https//x.test", "https:/x.test", "hhttps://x", "http:x", " https://x"))
            assertThat(LinkLint.isPlainHttp(href)).as(href).isFalse();
        List<Warning> warnings = Lint.newList();
        LinkLint links = new LinkLint(new Lint(new Issue("t.md", Map.of(), "T", "body", 1), warnings), URI.create("https://site.test/"));
        assertThat(links.check("https://x.test/a b", 1, "link")).isEqualTo("https://x.test/a b");
        assertThat(links.check("https:///x.test", 1, "link")).isEqualTo("https://x.test");
        assertThat(links.check("https://example.com/my_article", 1, "link")).isEqualTo("https://example.com/my_article");
        assertThat(warnings).hasSize(2);
    }

    @Provide
    Arbitrary<String> hrefs() {
        Arbitrary<String> pieces = Arbitraries.of("http", "https", "HTTP", "s", ":", "/", "//", "///", "x.test", " ", "\n", "#", "?", "(", ")");
        return pieces.list().ofMaxSize(6).map(l -> String.join("", l));
    }
}
