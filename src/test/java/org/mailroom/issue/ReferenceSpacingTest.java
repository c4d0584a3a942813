package org.mailroom.issue;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference definitions found line by line are the ones the definition pattern finds; only lines that can change
 * are looked at, with the same result as looking at every line.
 */
class ReferenceSpacingTest {
    @Property(tries = 3000)
    void the_labels_found_line_by_line_are_the_patterns(@ForAll("markdown") String body) {
        Set<String> byPattern = new HashSet<>();
        Matcher d = ReferenceSpacing.DEFINITION.matcher(body);
        while (d.find()) byPattern.add(d.group(1).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        assertThat(ReferenceSpacing.definedLabels(body)).isEqualTo(byPattern);
    }

    @Property(tries = 3000)
    void labels_are_normalized_as_the_regex_does(@ForAll("labels") String label) {
        assertThat(ReferenceSpacing.normalize(label)).isEqualTo(label.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
    }

    @Provide
    Arbitrary<String> labels() {
        return Arbitraries.strings().withChars("aB \t\n\u000b\f\r\u001c\u00a0\u2028\u3000\u0130x").ofMaxLength(12);
    }

    @Property(tries = 3000)
    void fixing_the_lines_that_can_change_is_fixing_every_line(@ForAll("bodies") String body) throws Exception {
        Lint ours = lint(body);
        Lint every = lint(body);
        assertThat(ReferenceSpacing.fix(body, ours)).isEqualTo(everyLine(body, every));
        assertThat(ours.warnings()).isEqualTo(every.warnings());
    }

    private static Lint lint(String body) {
        return new Lint(new Issue("t.md", java.util.Map.of("title", "T"), "T", body, 3), new java.util.ArrayList<>());
    }

    /** The loop as it was: every line outside a fence through fixLine. */
    private static String everyLine(String body, Lint lint) throws Exception {
        if (!body.contains("][") && !body.contains("]:")) return body;
        var fixLine = ReferenceSpacing.class.getDeclaredMethod("fixLine", String.class, Set.class, Lint.class, int.class);
        fixLine.setAccessible(true);
        Set<String> defined = ReferenceSpacing.definedLabels(body);
        StringBuilder out = new StringBuilder();
        boolean fenced = false;
        int start = 0;
        int line = 0;
        while (start < body.length()) {
            int end = body.indexOf('\n', start);
            if (end < 0) end = body.length();
            String text = body.substring(start, end);
            String trimmed = text.stripLeading();
            if (trimmed.startsWith("```") || trimmed.startsWith("~~~")) fenced = !fenced;
            out.append(fenced ? text : (String) fixLine.invoke(null, text, defined, lint, line)).append(end < body.length() ? "\n" : "");
            start = end + 1;
            line++;
        }
        return out.toString();
    }

    @Provide
    Arbitrary<String> bodies() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.strings().withChars("ab []:()`\n\t").ofMaxLength(12),
            Arbitraries.of("[a]: /x\n", "[b]:\n", "[c]: \n", "[c]:\t\n", "[x][y](https://z.test)", "[x][a](https://z.test)", "][", "```\n",
                " ~~~\n", "`][`", "\\]", ":", ": ", "\n", "\r\n", "  "));
        return pieces.list().ofMaxSize(25).map(l -> String.join("", l));
    }

    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.strings().withChars("ab []:\n").ofMaxLength(12),
            Arbitraries.of("[a]: /x\n", "   [b]:", "    [c]: /y", "[]: /z", "[d]", ":", "]:", "\r\n", "\r", "\n", "\u2028", "\u0085",
                "[e\nf]: /w", "[g]:[h]: /v", " "));
        return pieces.list().ofMaxSize(25).map(l -> String.join("", l));
    }
}
