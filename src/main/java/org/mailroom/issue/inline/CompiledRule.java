package org.mailroom.issue.inline;

import org.jsoup.nodes.Element;
import org.jsoup.select.Collector;
import org.jsoup.select.Evaluator;

import java.util.List;

/**
 * One selector of a style rule, compiled by jsoup, with what the cascade orders it by.
 *
 * @param order        source order over the whole stylesheet; also identifies the rule's declaration block
 * @param declarations the block, shared by the selectors of one rule
 */
record CompiledRule(Evaluator evaluator, int specificity, int order, List<Declaration> declarations) {
    private static final Element EMPTY = new Element("template");

    boolean matches(Element root, Element element) {
        return evaluator.matches(root, element);
    }

    /** The cascade key: specificity first, then source order. */
    long rank() {
        return ((long) specificity << 32) | order;
    }

    /**
     * Forgets what jsoup memoised while matching a document. Structural evaluators (descendant, sibling,
     * :not) keep a per-thread memo keyed by document that only jsoup's Collector clears; without this a
     * long-lived inliner would hold every document it has seen.
     */
    void forgetDocument() {
        Collector.stream(evaluator, EMPTY).close();
    }
}
