package org.mailroom.issue;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.mailroom.issue.inline.CssInliner;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The themed page as a tree: only where the theme puts the body as a page's body is read. */
class ThemeTest {
    private static final String BODY = "<p>a</p><div><p>b</p></div>\n<ul><li>c</li></ul>";
    private final CssInliner inliner = new CssInliner();

    private static Element body() {
        Document d = Jsoup.parseBodyFragment(BODY);
        d.outputSettings().prettyPrint(false);
        return d.body();
    }

    private static Map<String, Object> scope() {
        Map<String, Object> scope = new HashMap<>();
        scope.put("body", BODY);
        return scope;
    }

    @Test
    void a_body_in_a_cell_becomes_the_tree_parsing_the_page_gives() {
        for (String name : List.of("cell", "twice", "escaped")) {  // the other copies are parsed with the rest of the page
            Theme theme = new Theme("issue/themes/" + name);
            Document page = theme.document(theme.html(scope()), BODY, body());
            assertThat(page).as(name).isNotNull();
            String inlined = inliner.inline(page).html(new StringBuilder()).toString();
            assertThat(inlined).as(name).isEqualTo(inliner.inline(theme.html(scope())));
            if (name.equals("cell")) assertThat(inlined).contains("<p style=\"margin: 0; color: red\">a</p>");
        }
    }

    @Test
    void a_theme_that_puts_the_body_where_the_parser_reads_it_otherwise_gives_no_tree() {
        for (String name : List.of("in-paragraph", "in-table")) {
            Element body = body();
            Theme theme = new Theme("issue/themes/" + name);
            assertThat(theme.document(theme.html(scope()), BODY, body)).as(name).isNull();
            assertThat(body.html()).as(name).isEqualTo(BODY);
        }
    }

    @Test
    void the_shell_with_the_body_in_place_of_its_mark_is_the_page_the_theme_writes() {
        for (String name : List.of("cell", "in-paragraph", "in-table")) {
            Theme theme = new Theme("issue/themes/" + name);
            String shell = theme.shell(scope());
            assertThat(shell).as(name).isNotNull();
            assertThat(Theme.withBody(shell, BODY)).as(name).isEqualTo(theme.html(scope()));
        }
        Map<String, Object> scope = scope();
        scope.put("title", "T & <b>");
        Theme theme = new Theme();
        assertThat(Theme.withBody(theme.shell(scope), BODY)).isEqualTo(theme.html(scope));
        assertThat(scope.get("body")).isEqualTo(BODY);
    }

    @Test
    void a_theme_that_repeats_or_escapes_the_body_has_no_shell() {
        for (String name : List.of("twice", "escaped"))
            assertThat(new Theme("issue/themes/" + name).shell(scope())).as(name).isNull();
    }

    @Test
    void the_tree_from_the_shell_is_the_one_from_the_page() {
        Theme theme = new Theme("issue/themes/cell");
        Document fromShell = theme.document(theme.shell(scope()), body());
        Document fromPage = theme.document(theme.html(scope()), BODY, body());
        assertThat(fromShell.outerHtml()).isEqualTo(fromPage.outerHtml());
        assertThat(new Theme("issue/themes/in-paragraph").document(new Theme("issue/themes/in-paragraph").shell(scope()), body())).isNull();
    }

    @Test
    void the_renderers_theme_takes_the_tree() {
        Map<String, Object> scope = scope();
        scope.put("title", "T");
        Theme theme = new Theme();
        assertThat(theme.document(theme.html(scope), BODY, body())).isNotNull();
    }
}
