package org.mailroom.issue.inline;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Collector;
import org.jsoup.select.Evaluator;

/** A selector compiled by jsoup: for attribute selectors and structural pseudo-classes. */
final class JsoupMatcher implements ElementMatcher {
    private static final Element EMPTY = new Element("template");

    private final Evaluator evaluator;

    JsoupMatcher(Evaluator evaluator) {
        this.evaluator = evaluator;
    }

    @Override
    public boolean matches(Document doc, Element element) {
        return evaluator.matches(doc, element);
    }

    /**
     * jsoup's structural evaluators (descendant, sibling, :not) keep a per-thread memo keyed by
     * document that only its Collector clears; without this a long-lived inliner would hold every
     * document it has seen.
     */
    @Override
    public void forgetDocument() {
        Collector.stream(evaluator, EMPTY).close();
    }
}
