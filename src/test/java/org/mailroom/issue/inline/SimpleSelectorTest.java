package org.mailroom.issue.inline;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleSelectorTest {
    private static final String BODY = "<div id=main class='Content wide'><p class=a>one</p><p>two</p>"
        + "<section><p class='a b'>three</p></section></div>";

    @Test
    void type_id_and_class_compounds_with_combinators_are_simple_the_rest_is_not() {
        assertThat(SimpleSelector.parse(".content p")).isNotNull();
        assertThat(SimpleSelector.parse("div#main > p.a.b + *")).isNotNull();
        assertThat(SimpleSelector.parse("li:last-child > p:empty")).isNotNull();
        assertThat(SimpleSelector.parse("a:hover")).isNull();
        assertThat(SimpleSelector.parse("p::before")).isNull();
        assertThat(SimpleSelector.parse("li:nth-child(2)")).isNull();
        assertThat(SimpleSelector.parse("a[href]")).isNull();
        assertThat(SimpleSelector.parse(".sm\\:p-4")).isNull();
        assertThat(SimpleSelector.parse("ns|p")).isNull();
        assertThat(SimpleSelector.parse("p >")).isNull();
        assertThat(SimpleSelector.parse("> p")).isNull();
    }

    @Test
    void matches_right_to_left_through_every_combinator() {
        Document doc = Jsoup.parse("<!doctype html>" + BODY);

        assertThat(count(doc, "div p")).isEqualTo(3);
        assertThat(count(doc, "#main > p")).isEqualTo(2);
        assertThat(count(doc, "p.a + p")).isEqualTo(1);
        assertThat(count(doc, "p.a ~ section p.b")).isEqualTo(1);
        assertThat(count(doc, "* > p.a.b")).isEqualTo(1);
        assertThat(count(doc, "body > p")).isEqualTo(0);
        assertThat(count(doc, "* > html")).isEqualTo(0);
    }

    @Test
    void classes_are_case_sensitive_unless_the_document_is_in_quirks_mode() {
        assertThat(count(Jsoup.parse("<!doctype html>" + BODY), ".content p")).isEqualTo(0);
        assertThat(count(Jsoup.parse("<!doctype html>" + BODY), ".Content p")).isEqualTo(3);
        assertThat(count(Jsoup.parse(BODY), ".content p")).isEqualTo(3);
    }

    @Test
    void structural_pseudo_classes_follow_chromium() {
        Document doc = Jsoup.parse("<!doctype html><p> </p><p><!-- c --></p><p></p><ul><li>a</li><li>b</li></ul>");

        assertThat(count(doc, "p:empty")).isEqualTo(2);
        assertThat(count(doc, "html:first-child")).isEqualTo(1);
        assertThat(count(doc, "li:first-child")).isEqualTo(1);
        assertThat(count(doc, "li:only-child")).isEqualTo(0);
        assertThat(count(doc, "p:first-of-type")).isEqualTo(1);
        assertThat(count(doc, "ul:only-of-type")).isEqualTo(1);
    }

    private static long count(Document doc, String selector) {
        SimpleSelector simple = SimpleSelector.parse(selector);
        return doc.getAllElements().stream().filter(e -> e != doc && simple.matches(doc, e)).count();
    }
}
