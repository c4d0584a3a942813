package org.mailroom.issue.inline;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mailroom.issue.inline.Golden.assertInlines;

/** One golden file per cascade rule; the same pages run in Chromium in {@link InlineEquivalenceIT}. */
class CssInlinerGoldenTest {

    @Test
    void higher_specificity_wins() {
        assertInlines("specificity");
    }

    @Test
    void later_rule_wins_at_equal_specificity() {
        assertInlines("source-order");
    }

    @Test
    void important_stylesheet_rule_beats_inline_style_and_important_inline_style_beats_it() {
        assertInlines("important");
    }

    @Test
    void existing_inline_style_beats_stylesheet_rules() {
        assertInlines("inline-style-wins");
    }

    @Test
    void shorthands_and_longhands_keep_their_cascade_order() {
        assertInlines("shorthand-longhand");
    }

    @Test
    void every_selector_of_a_list_applies_once() {
        assertInlines("selector-list");
    }

    @Test
    void descendant_child_and_sibling_combinators_are_inlined() {
        assertInlines("combinators");
    }

    @Test
    void attribute_selectors_are_inlined() {
        assertInlines("attribute-selectors");
    }

    @Test
    void structural_pseudo_classes_are_inlined() {
        assertInlines("structural-pseudo-classes");
    }

    @Test
    void media_rules_stay_in_one_style_block_without_nested_at_rules() {
        assertInlines("media-kept");
    }

    @Test
    void dynamic_pseudo_classes_stay_in_the_style_block() {
        assertInlines("hover-kept");
    }

    @Test
    void pseudo_elements_stay_in_the_style_block() {
        assertInlines("pseudo-elements-kept");
    }

    @Test
    void selectors_jsoup_cannot_evaluate_stay_in_the_style_block() {
        assertInlines("unsupported-selector-kept");
    }

    @Test
    void width_bgcolor_align_and_valign_attributes_are_set_unless_present() {
        assertInlines("email-attributes");
    }

    @Test
    void no_style_block_is_left_when_every_rule_is_inlined() {
        assertInlines("all-inlined");
    }

    @Test
    void malformed_css_skips_the_bad_parts_only() {
        assertInlines("malformed-css");
    }

    @Test
    void font_face_stays_and_import_and_supports_go() {
        assertInlines("font-face-and-import");
    }

    @Test
    void a_newsletter_layout_inlines_as_expected() {
        assertInlines("newsletter");
    }

    @Test
    void an_issue_body_inlines_as_expected() {
        assertInlines("issue-body");
    }

    @Test
    void every_golden_source_has_an_expected_file() {
        for (Path source : Golden.sources()) {
            String name = source.getFileName().toString().replace(".html", ".expected.html");
            assertThat(Files.exists(source.resolveSibling(name))).as(name).isTrue();
        }
    }
}
