package org.mailroom.issue.inline;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Applies a compiled stylesheet to a document in one walk. All elements are matched before any is
 * changed, because a selector such as {@code [style]} or {@code [width]} must see the document as
 * the browser would, not half-inlined.
 */
final class ElementStyler implements NodeFilter {
    /** Elements that are never rendered, whose styles would only add bytes. */
    private static final Set<String> UNRENDERED = Set.of("head", "style", "script", "template");

    private final Document doc;
    private final RuleIndex rules;
    private final List<CompiledRule> matched = new ArrayList<>();
    private final List<Element> elements = new ArrayList<>();
    private final List<List<Declaration>> styles = new ArrayList<>();

    private ElementStyler(Document doc, RuleIndex rules) {
        this.doc = doc;
        this.rules = rules;
    }

    static void apply(Document doc, RuleIndex rules) {
        if (rules.isEmpty()) return;
        ElementStyler styler = new ElementStyler(doc, rules);
        try {
            NodeTraversor.filter(styler, doc);
        } finally {
            for (CompiledRule rule : rules.all()) rule.matcher().forgetDocument();
        }
        styler.write();
    }

    @Override
    public FilterResult head(Node node, int depth) {
        if (!(node instanceof Element element) || node == doc) return FilterResult.CONTINUE;
        if (UNRENDERED.contains(element.normalName())) return FilterResult.SKIP_ENTIRELY;
        matched.clear();
        rules.matching(doc, element, matched);
        if (!matched.isEmpty()) {
            elements.add(element);
            styles.add(Cascade.merge(matched, element.attributes().getIgnoreCase("style")));
        }
        return FilterResult.CONTINUE;
    }

    private void write() {
        for (int i = 0; i < elements.size(); i++) {
            Element element = elements.get(i);
            List<Declaration> style = styles.get(i);
            element.attr("style", Cascade.css(style));
            EmailAttributes.apply(element, style);
        }
    }
}
