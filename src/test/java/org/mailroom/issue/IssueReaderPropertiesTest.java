package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IssueReaderPropertiesTest {
    /** What reading gave: the issue and the warnings, or the error's message and the warnings up to it. */
    private record Outcome(Issue issue, String error, List<Warning> warnings) {}

    private static Outcome now(byte[] b) {
        List<Warning> w = new ArrayList<>();
        try {
            return new Outcome(new IssueReader(1 << 20).parse("t.md", b, w), null, w);
        } catch (IssueException e) {
            return new Outcome(null, e.getMessage(), w);
        }
    }

    private static Outcome before(byte[] b) {
        List<Warning> w = new ArrayList<>();
        try {
            return new Outcome(new FormerIssueReader(1 << 20).parse("t.md", b, w), null, w);
        } catch (IssueException e) {
            return new Outcome(null, e.getMessage(), w);
        }
    }

    @Property(tries = 3000)
    void reading_gives_the_issue_warnings_and_errors_it_gave_before(@ForAll("files") byte[] file) {
        Outcome o = now(file);
        assertThat(o).isEqualTo(before(file));
        Statistics.collect(o.error() != null ? o.error().replaceAll("[0-9]+|'.*'|\\(.*\\)", "")
            : o.warnings().isEmpty() ? "read" : "read with warnings");
    }

    /**
     * Files that reach every check: a header, then pieces of valid text, mis-decoded runs (repairable or not),
     * controls, NUL, every line break, a BOM, bytes that are not UTF-8 (lone, truncated, overlong, surrogates),
     * HTML tags, brackets, list and quote markers and emphasis runs deep or long enough to be refused.
     */
    @Provide
    Arbitrary<byte[]> files() {
        Arbitrary<String> text = Arbitraries.frequencyOf(
            Tuple.of(80, Arbitraries.of("\n", "\r\n", "\r", "\n\n", " ", "\t", "a", "Title: T", "Date: 2025-01-02", "Date: x", "  indented",
                "Fj\u221a\u00a7dra", "\u201a\u00c4\u00f4", "\u221a", "\u00c3", "caf\u00e9", "\u00e9\u00e9", "\ud83e\udd80", "\u2014",
                "\u0001", "\u007f", "\u001b", "\ufffd", "\ufeff", "<div>", "</div>", "<br/>", "<p class=x>", "<span/>",
                "Vec<T>", "[", "](x)", "- ", "> ", "1. ", "* ", "    ", "**", "```", "~~")),
            Tuple.of(25, Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(40)),
            Tuple.of(15, Arbitraries.strings().all().ofMaxLength(8).map(s -> s.replace('\u0000', ' '))),
            Tuple.of(1, Arbitraries.just("\u0000")),
            Tuple.of(1, Arbitraries.of("<div>", "- ", "> ", "[", "*", "<b>").flatMap(s -> Arbitraries.integers().between(90, 320).map(s::repeat))));
        Arbitrary<byte[]> bad = Arbitraries.of(new byte[] {(byte) 0xFF}, new byte[] {(byte) 0xC3}, new byte[] {(byte) 0xC0, (byte) 0xAF},
            new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, new byte[] {(byte) 0xE2, (byte) 0x80}, new byte[] {(byte) 0x80});
        Arbitrary<byte[]> piece = Arbitraries.frequencyOf(Tuple.of(300, text.map(s -> s.getBytes(StandardCharsets.UTF_8))), Tuple.of(1, bad));
        Arbitrary<String> header = Arbitraries.of("Title: T\n\n", "Title: T\r\nDate: 2025-1-2\r\n\r\n", "\ufeffTitle: A\n", "", "Title:\n\n",
            "title: x\n  more\nDate: nope\n\n");
        return header.flatMap(h -> piece.list().ofMaxSize(60).map(l -> {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.writeBytes(h.getBytes(StandardCharsets.UTF_8));
            l.forEach(out::writeBytes);
            return out.toByteArray();
        }));
    }
}
