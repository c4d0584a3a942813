package org.mailroom.issue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The guard's steps, taken by another walk, answer as its own walk does. */
class ReparseGuardTest {
    private static final List<String> TAGS = List.of("p", "div", "li", "ul", "ol", "dd", "dt", "dl", "a", "h1", "h2", "pre", "code", "table",
        "tbody", "tr", "td", "th", "thead", "caption", "colgroup", "col", "blockquote", "button", "span", "em", "center", "summary", "x-y");
    private static final List<String> TEXTS = List.of("t", " ", "\n", "\nx", "a\0b", "][", "  \n ");

    @Test
    void the_walk_answers_as_parses_back_alike_on_trees_that_bend_the_parser() {
        Random random = new Random(578);
        int alike = 0;
        for (int i = 0; i < 20_000; i++) {
            Element body = Jsoup.parseBodyFragment("").body();
            fill(body, random, 1 + random.nextInt(7));
            boolean expected = ReparseGuard.parsesBackAlike(body);
            assertThat(walk(body)).as(body.html()).isEqualTo(expected);
            if (expected) alike++;
        }
        assertThat(alike).as("trees that parse back alike").isBetween(500, 19_500);
    }

    @Test
    void the_walk_answers_as_parses_back_alike_on_parsed_html() {
        for (String html : List.of("<p>a<div>b</div>", "<ul><li>a<ul><li>b</ul></ul>", "<pre>\n\nx</pre>", "<table><tr><td>x</table>",
            "<a href=x>a<div><a href=y>b</a></div></a>", "<h1><h2>x</h2></h1>", "<dl><dt>a<dd>b</dl>", "x\0y", "<p>" + "<span>".repeat(70)))
            assertThat(walk(Jsoup.parseBodyFragment(html).body())).as(html).isEqualTo(ReparseGuard.parsesBackAlike(Jsoup.parseBodyFragment(html).body()));
    }

    private static void fill(Element parent, Random random, int depth) {
        int children = random.nextInt(4);
        for (int i = 0; i < children; i++) {
            if (depth == 0 || random.nextInt(3) == 0) parent.appendChild(new TextNode(TEXTS.get(random.nextInt(TEXTS.size()))));
            else fill(parent.appendElement(TAGS.get(random.nextInt(TAGS.size()))), random, depth - 1);
        }
    }

    private static boolean walk(Element body) {
        ReparseGuard.Walk guard = new ReparseGuard.Walk();
        step(guard, body, 0);
        return guard.alike();
    }

    private static void step(ReparseGuard.Walk guard, Element parent, int depth) {
        for (Node n : parent.childNodes()) {
            if (n instanceof TextNode t) guard.text(t, depth + 1);
            else if (n instanceof Element e) {
                guard.element(e, depth + 1);
                step(guard, e, depth + 1);
            }
        }
    }
}
