package org.mailroom.issue;

import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The prose text nodes of a tree: those outside the given elements (code, pre, links), found in one walk. */
final class TextNodes {
    private TextNodes() {}

    static List<TextNode> outside(Element root, Set<String> skipped, String mustContain) {
        List<TextNode> found = new ArrayList<>();
        NodeTraversor.filter(new NodeFilter() {
            @Override
            public FilterResult head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    if (t.getWholeText().contains(mustContain)) found.add(t);
                } else if (node instanceof Element e && depth > 0 && skipped.contains(e.normalName())) {
                    return FilterResult.SKIP_ENTIRELY;
                }
                return FilterResult.CONTINUE;
            }

            @Override
            public FilterResult tail(Node node, int depth) {
                return FilterResult.CONTINUE;
            }
        }, root);
        return found;
    }
}
