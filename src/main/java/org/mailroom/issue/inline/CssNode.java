package org.mailroom.issue.inline;

import java.util.List;

/** What a stylesheet holds at its top level, as far as inlining cares. */
sealed interface CssNode {

    /** A style rule; {@code selectors} is the selector list as written (comments removed). */
    record StyleRule(String selectors, List<Declaration> declarations) implements CssNode {
    }

    /** An {@code @media} block; only its style rules are kept, nested at-rules are dropped (and listed). */
    record MediaBlock(String query, List<StyleRule> rules, List<DroppedAtRule> dropped) implements CssNode {
    }

    /** An at-rule kept as written ({@code @font-face}, {@code @keyframes}, {@code @page}). */
    record VerbatimAtRule(String css) implements CssNode {
    }

    /** An at-rule that cannot be kept in an email's style block ({@code @supports}, nested ones...). */
    record DroppedAtRule(String name) implements CssNode {
    }
}
