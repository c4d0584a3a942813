package org.mailroom.issue.inline;

import org.junit.jupiter.api.Test;
import org.mailroom.issue.inline.CssNode.DroppedAtRule;
import org.mailroom.issue.inline.CssNode.MediaBlock;
import org.mailroom.issue.inline.CssNode.StyleRule;
import org.mailroom.issue.inline.CssNode.VerbatimAtRule;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CssParserTest {

    @Test
    void declarations_keep_values_as_written_and_note_important() {
        assertThat(CssParser.declarations("COLOR: Red ; font-family: \"A;B\", serif; margin:0!important; --Brand: #fff"))
            .containsExactly(new Declaration("color", "Red", false), new Declaration("font-family", "\"A;B\", serif", false),
                new Declaration("margin", "0", true), new Declaration("--Brand", "#fff", false));
    }

    @Test
    void invalid_declarations_are_skipped_and_the_rest_kept() {
        assertThat(CssParser.declarations("color: ; margin 4px; *zoom: 1; color: red !ie; a: b: c; padding: 2px; width"))
            .containsExactly(new Declaration("a", "b: c", false), new Declaration("padding", "2px", false));
    }

    @Test
    void comments_strings_and_urls_do_not_end_a_declaration() {
        assertThat(CssParser.declarations("/* a; b */ background: url(data:x;base64,AA==) /* c */ no-repeat; content: '}'"))
            .containsExactly(new Declaration("background", "url(data:x;base64,AA==)   no-repeat", false),
                new Declaration("content", "'}'", false));
    }

    @Test
    void the_stylesheet_keeps_rules_media_blocks_and_font_faces_in_order() {
        List<CssNode> nodes = CssParser.parse("<!-- @charset \"utf-8\"; @import url(x.css); p,  h1 { color: red }"
            + " @media (max-width: 600px) { p { color: blue } @font-face { font-family: x } }"
            + " @font-face { font-family: X; } @supports (display: grid) { p { display: grid } } -->");

        assertThat(nodes).containsExactly(
            new StyleRule("p, h1", List.of(new Declaration("color", "red", false))),
            new MediaBlock("(max-width: 600px)", List.of(new StyleRule("p", List.of(new Declaration("color", "blue", false)))),
                List.of(new DroppedAtRule("@font-face inside @media"))),
            new VerbatimAtRule("@font-face{font-family: X;}"),
            new DroppedAtRule("@supports"));
    }

    @Test
    void the_end_of_the_text_closes_an_open_block_and_a_rule_without_block_is_dropped() {
        assertThat(CssParser.parse("p { color: red")).containsExactly(new StyleRule("p", List.of(new Declaration("color", "red", false))));
        assertThat(CssParser.parse("p, h1")).isEmpty();
        assertThat(CssParser.parse("/* unterminated")).isEmpty();
    }
}
