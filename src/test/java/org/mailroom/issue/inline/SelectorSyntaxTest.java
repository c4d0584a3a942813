package org.mailroom.issue.inline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SelectorSyntaxTest {

    @Test
    void specificity_counts_ids_classes_and_types() {
        assertThat(SelectorSyntax.specificity("*")).isEqualTo(0);
        assertThat(SelectorSyntax.specificity("li")).isEqualTo(1);
        assertThat(SelectorSyntax.specificity("ul li")).isEqualTo(2);
        assertThat(SelectorSyntax.specificity("ul ol+li")).isEqualTo(3);
        assertThat(SelectorSyntax.specificity("h1 + *[rel=up]")).isEqualTo(1_001);
        assertThat(SelectorSyntax.specificity("ul ol li.red")).isEqualTo(1_003);
        assertThat(SelectorSyntax.specificity("li.red.level")).isEqualTo(2_001);
        assertThat(SelectorSyntax.specificity("#x34y")).isEqualTo(1_000_000);
        assertThat(SelectorSyntax.specificity("a:hover::before")).isEqualTo(1_002);
        assertThat(SelectorSyntax.specificity("p:first-letter")).isEqualTo(2);
    }

    @Test
    void specificity_of_not_is_and_where_follows_their_arguments() {
        assertThat(SelectorSyntax.specificity("#s12:not(FOO)")).isEqualTo(1_000_001);
        assertThat(SelectorSyntax.specificity("li:not(.a, #b)")).isEqualTo(1_000_001);
        assertThat(SelectorSyntax.specificity(":is(p, .x) a")).isEqualTo(1_001);
        assertThat(SelectorSyntax.specificity(":where(#a .b) p")).isEqualTo(1);
        assertThat(SelectorSyntax.specificity("li:nth-child(2n+1)")).isEqualTo(1_001);
    }

    @Test
    void lists_split_on_top_level_commas_only() {
        assertThat(SelectorSyntax.split("a, b:not(.c, .d), [title=\"x,y\"]"))
            .containsExactly("a", "b:not(.c, .d)", "[title=\"x,y\"]");
    }

    @Test
    void dynamic_pseudo_classes_and_pseudo_elements_are_not_static() {
        assertThat(SelectorSyntax.isStatic("li:first-child a:not(.x)")).isTrue();
        assertThat(SelectorSyntax.isStatic("a[href^=\"https:\"]")).isTrue();
        assertThat(SelectorSyntax.isStatic(".sm\\:p-4")).isTrue();
        assertThat(SelectorSyntax.isStatic("a:hover")).isFalse();
        assertThat(SelectorSyntax.isStatic("p::before")).isFalse();
        assertThat(SelectorSyntax.isStatic("p:after")).isFalse();
        assertThat(SelectorSyntax.isStatic("li:not(:hover)")).isFalse();
        assertThat(SelectorSyntax.isStatic("p:empty")).isTrue();
        assertThat(SelectorSyntax.isStatic("a:link")).isFalse();
    }

    @Test
    void the_rule_index_key_is_the_rightmost_compounds_id_then_class_then_tag() {
        assertThat(SelectorSyntax.rightmostKey("div > p.Lead#Intro")).isEqualTo("#intro");
        assertThat(SelectorSyntax.rightmostKey(".content ul li.Item.b")).isEqualTo(".item");
        assertThat(SelectorSyntax.rightmostKey("table td")).isEqualTo("td");
        assertThat(SelectorSyntax.rightmostKey("ul > *:not(.x)")).isEqualTo("*");
        assertThat(SelectorSyntax.rightmostKey("[data-x=\"a b\"]")).isEqualTo("*");
        assertThat(SelectorSyntax.rightmostKey(".sm\\:p-4")).isEqualTo(".sm:p-4");
    }

    @Test
    void malformed_selectors_are_recognised() {
        assertThat(SelectorSyntax.isWellFormed("a[href")).isFalse();
        assertThat(SelectorSyntax.isWellFormed(".b)")).isFalse();
        assertThat(SelectorSyntax.isWellFormed("} .d")).isFalse();
        assertThat(SelectorSyntax.isWellFormed("")).isFalse();
        assertThat(SelectorSyntax.isWellFormed("a[title=\"}\"]")).isTrue();
    }
}
