package org.mailroom.issue.inline;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.List;

/**
 * One selector of a style rule, compiled, with what the cascade orders it by.
 *
 * @param order        source order over the whole stylesheet; also identifies the rule's declaration block
 * @param declarations the block, shared by the selectors of one rule
 */
record CompiledRule(ElementMatcher matcher, int specificity, int order, List<Declaration> declarations) {

    boolean matches(Document doc, Element element) {
        return matcher.matches(doc, element);
    }

    /** The cascade key: specificity first, then source order. */
    long rank() {
        return ((long) specificity << 32) | order;
    }
}
