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

/** The reference definitions found line by line are the ones the definition pattern finds. */
class ReferenceSpacingTest {
    @Property(tries = 3000)
    void the_labels_found_line_by_line_are_the_patterns(@ForAll("markdown") String body) {
        Set<String> byPattern = new HashSet<>();
        Matcher d = ReferenceSpacing.DEFINITION.matcher(body);
        while (d.find()) byPattern.add(d.group(1).strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT));
        assertThat(ReferenceSpacing.definedLabels(body)).isEqualTo(byPattern);
    }

    @Provide
    Arbitrary<String> markdown() {
        Arbitrary<String> pieces = Arbitraries.oneOf(Arbitraries.strings().withChars("ab []:\n").ofMaxLength(12),
            Arbitraries.of("[a]: /x\n", "   [b]:", "    [c]: /y", "[]: /z", "[d]", ":", "]:", "\r\n", "\r", "\n", "\u2028", "\u0085",
                "[e\nf]: /w", "[g]:[h]: /v", " "));
        return pieces.list().ofMaxSize(25).map(l -> String.join("", l));
    }
}
