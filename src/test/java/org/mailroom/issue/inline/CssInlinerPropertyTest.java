package org.mailroom.issue.inline;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;

import static org.assertj.core.api.Assertions.assertThat;

/** Whatever the stylesheet holds, the inliner returns a document and never throws. */
class CssInlinerPropertyTest {
    private final CssInliner inliner = new CssInliner();

    @Property(tries = 500)
    void any_css_made_of_css_punctuation_is_inlined_without_an_exception(
        @ForAll @StringLength(max = 200) @Chars({'a', 'p', 'b', '.', '#', '*', ':', ';', '{', '}', '(', ')', '[', ']', '"', '\'',
            '\\', '/', ',', '>', '+', '~', '!', '@', ' ', '\n', '=', '^', '$', '|', '-', '1'}) String css) {
        String out = inliner.inline("<style>" + css + "</style><p class=a id=b><a href=x>y</a></p>");

        assertThat(out).contains("<a href=\"x\"");
    }

    @Property(tries = 200)
    void any_style_attribute_survives(@ForAll @StringLength(max = 100) String style) {
        String out = inliner.inline("<style>p { color: red }</style><p style=\"" + style.replace("\"", "") + "\">x</p>");

        assertThat(out).contains(">x</p>");
    }
}
