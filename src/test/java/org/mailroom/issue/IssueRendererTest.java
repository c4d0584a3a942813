package org.mailroom.issue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Theme-level behaviour the body goldens do not show. */
class IssueRendererTest {
    private final IssueRenderer renderer = new IssueRenderer(Golden.SETTINGS);

    private IssueRenderer.Rendered render(String text) {
        return renderer.render("t.md", text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void the_web_link_is_the_archive_unless_the_header_gives_a_url() {
        assertThat(render("Title: A\nNumber: 7\n\nx\n").content().html()).contains("href=\"https://mail.test/archive/7\"");
        assertThat(render("Title: A\nNumber: 7\nUrl: https://site.test/7/\n\nx\n").content().html()).contains("href=\"https://site.test/7/\"");
    }

    @Test
    void a_title_with_a_line_separator_never_becomes_a_subject() {
        assertThatThrownBy(() -> render("Title: A\u2028Bcc: x@y.test\n\nx\n"))
            .isInstanceOf(IssueException.class).hasMessageContaining("title contains control character U+2028");
    }

    @Test
    void html_over_102_kb_warns_that_gmail_clips_it() {
        String body = "* [a link with some words in it](https://x.test/a/long/path)\n".repeat(2500);
        assertThat(render("Title: Big\n\n" + body).content().warnings())
            .anySatisfy(w -> assertThat(w.message()).contains("Gmail clips messages over 102 KB"));
    }

    @Test
    void the_preheader_is_the_summary_or_the_first_paragraph() {
        assertThat(render("Title: A\nSummary: Short teaser\n\nFirst words.\n").content().sourceHtml()).contains(">Short teaser</div>");
        assertThat(render("Title: A\n\n## Head\n\nFirst words.\n").content().sourceHtml()).contains(">First words.</div>");
    }

    @Test
    void the_theme_escapes_what_the_header_says() {
        String html = render("Title: <script>x</script> & co\n\nx\n").content().sourceHtml();
        assertThat(html).doesNotContain("<script>").contains("&lt;script&gt;x&lt;/script&gt; &amp; co");
    }
}
