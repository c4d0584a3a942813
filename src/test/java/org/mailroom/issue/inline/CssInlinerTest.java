package org.mailroom.issue.inline;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

class CssInlinerTest {
    private final CssInliner inliner = new CssInliner();

    @Test
    void one_inliner_serves_many_documents_and_threads_with_the_same_result() throws Exception {
        String page = NewsletterPage.fromIssue(Path.of("src/test/resources/inline/theme/sample-issue.md"));
        String expected = new CssInliner().inline(page);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> results = new ArrayList<>();
            for (int i = 0; i < 40; i++) results.add(pool.submit(() -> inliner.inline(page)));
            for (Future<String> result : results) assertThat(result.get()).isEqualTo(expected);
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void a_style_block_that_would_reach_16_kb_is_capped_with_a_warning() {
        StringBuilder css = new StringBuilder();
        for (int i = 0; i < 400; i++) css.append("@media (max-width: 600px) { .c").append(i).append(" { color: #123456 !important } }\n");
        List<String> warnings = new ArrayList<>();

        Document doc = inliner.inline(Jsoup.parse("<style>" + css + "</style><p class=c1>x</p>"), warnings::add);

        assertThat(doc.head().select("style")).hasSize(1);
        assertThat(doc.head().selectFirst("style").data().getBytes(java.nio.charset.StandardCharsets.UTF_8).length)
            .isLessThan(16 * 1024);
        assertThat(warnings).isNotEmpty().allMatch(w -> w.startsWith("CSS: left out of the style block"));
    }

    @Test
    void a_malformed_rule_under_media_is_not_kept_so_the_block_stays_balanced() {
        String out = inliner.inline("<style>@media (max-width: 600px) { a) { color: red } p { color: blue } }</style><p>x</p>");

        assertThat(out).contains("<style>@media (max-width: 600px){p{color:blue}}\n</style>");
    }

    @Test
    void style_elements_for_other_media_or_marked_data_embed_stay_as_they_are() {
        String html = "<html><head><style media=\"print\">p { color: red }</style><style data-embed>p { color: green }</style>"
            + "<style type=\"text/less\">p { color: @x }</style></head><body><p>x</p></body></html>";

        assertThat(inliner.inline(html)).isEqualTo(html);
    }

    @Test
    void a_parsed_document_is_inlined_in_place() {
        Document doc = Jsoup.parse("<style>p { margin: 0 }</style><p>x</p>");

        assertThat(inliner.inline(doc)).isSameAs(doc);

        assertThat(doc.body().html()).isEqualTo("<p style=\"margin: 0\">x</p>");
        assertThat(doc.outputSettings().prettyPrint()).isFalse();
    }

    @Test
    void a_document_nested_ten_thousand_levels_deep_is_inlined() {
        String deep = "<div>".repeat(10_000) + "x" + "</div>".repeat(10_000);

        String out = inliner.inline("<style>div div { padding: 0 }</style>" + deep);

        assertThat(out).contains("<div style=\"padding: 0\">x</div>");
    }

    @Test
    void ids_and_classes_ignore_case_only_in_quirks_mode_as_in_browsers() {
        String body = "<style>#Main { color: red } .Note { margin: 0 }</style><p id=main class=note>x</p>";

        assertThat(inliner.inline(body)).contains("<p id=\"main\" class=\"note\" style=\"margin: 0; color: red\">");
        assertThat(inliner.inline("<!DOCTYPE html>" + body)).contains("<p id=\"main\" class=\"note\">");
    }

    @Test
    void a_selector_on_attributes_sees_the_document_before_inlining() {
        String out = inliner.inline("<style>td { width: 10px } [width] { color: red } td[style] { color: blue }</style>"
            + "<table><tr><td>a</td></tr></table>");

        assertThat(out).contains("<td style=\"width: 10px\" width=\"10\">a</td>");
    }
}
