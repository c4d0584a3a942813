package org.mailroom.issue;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The checks before any parser runs, and the header as Pelican reads it. */
class IssueReaderTest {
    private static Issue read(long max, String text) {
        return new IssueReader(max).parse("t.md", text.getBytes(StandardCharsets.UTF_8), new ArrayList<>());
    }

    @Test
    void a_file_larger_than_the_limit_is_refused_before_it_is_read() {
        assertThatThrownBy(() -> read(100, "Title: x\n\n" + "a".repeat(200)))
            .isInstanceOf(IssueException.class).hasMessage("t.md: larger than render.max-bytes (210 bytes > 100)");
    }

    @Test
    void header_keys_are_case_insensitive_and_kept_and_the_body_starts_after_the_blank_line() {
        Issue i = read(1 << 20, "title: T\nNUMBER: 9\nDate: 2025-01-02 10:00\nSeries: extra\n\nBody\n");
        assertThat(i.title()).isEqualTo("T");
        assertThat(i.number()).isEqualTo("9");
        assertThat(i.get("series")).isEqualTo("extra");
        assertThat(i.body()).isEqualTo("Body\n");
        assertThat(i.bodyLine()).isEqualTo(6);
    }

    @Test
    void crlf_line_endings_never_reach_the_title() {
        Issue i = read(1 << 20, "Title: A\r\nBcc: victim@x.test\r\n\r\nBody\r\n");
        assertThat(i.title()).isEqualTo("A");
        assertThat(i.body()).isEqualTo("Body\n");
    }

    @Test
    void a_deep_list_on_one_line_is_refused_with_its_line() {
        assertThatThrownBy(() -> read(1 << 20, "Title: x\n\nok\n" + "- ".repeat(500) + "x\n"))
            .hasMessage("t.md: nested too deep: 500 nested quote or list markers (at most 100) (line 4)");
    }

    @Test
    void a_flood_of_brackets_in_one_paragraph_is_refused() {
        assertThatThrownBy(() -> read(1 << 20, "Title: x\n\n" + "[a](".repeat(1000) + "\n"))
            .hasMessageContaining("more than 500 '[' in one paragraph");
    }

    @Test
    void mojibake_is_left_alone_when_it_does_not_round_trip() {
        assertThat(Mojibake.transcode("caf\u00e9")).isNull();
        assertThat(Mojibake.transcode("\u221a\u00a7")).isEqualTo("\u00e4");
    }

    @Test
    void mis_decoded_runs_are_repaired_with_one_warning_per_line_naming_its_line() {
        java.util.List<Warning> warnings = new ArrayList<>();
        Issue i = new IssueReader(1 << 20).parse("t.md", ("Title: x\n\nok\n\nFj\u221a\u00a7dra and Fj\u221a\u00a7dra\n\u00e9\n"
            + "\u2014\nthe end: Fj\u221a\u00a7dra\n").getBytes(StandardCharsets.UTF_8), warnings);
        assertThat(i.body()).isEqualTo("ok\n\nFj\u00e4dra and Fj\u00e4dra\n\u00e9\n\u2014\nthe end: Fj\u00e4dra\n");
        assertThat(warnings).extracting(Warning::line).containsExactly(5, 8);
    }

    @Test
    void scheme_typos_of_http_are_recognised_and_others_are_not() {
        assertThat(LinkLint.typoOfHttp("hhttps")).isEqualTo("https");
        assertThat(LinkLint.typoOfHttp("ttps")).isEqualTo("https");
        assertThat(LinkLint.typoOfHttp("htp")).isEqualTo("http");
        assertThat(LinkLint.typoOfHttp("ftp")).isNull();
        assertThat(LinkLint.typoOfHttp("irc")).isNull();
        assertThat(LinkLint.typoOfHttp("sftp")).isNull();
    }
}
