package org.mailroom.issue.inline;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Rules bucketed by the id, class or tag of their rightmost compound, as browsers' rule hashes do:
 * an element is only tested against the rules that could match it.
 */
final class RuleIndex {
    private final Map<String, List<CompiledRule>> byKey = new HashMap<>();
    private final List<CompiledRule> universal = new ArrayList<>();
    private final List<CompiledRule> all = new ArrayList<>();

    void add(String key, CompiledRule rule) {
        all.add(rule);
        if (key.equals("*")) universal.add(rule);
        else byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(rule);
    }

    boolean isEmpty() {
        return all.isEmpty();
    }

    List<CompiledRule> all() {
        return all;
    }

    /** Adds to {@code out} the rules that match {@code element}; a class listed twice adds its rules twice. */
    void matching(Document doc, Element element, List<CompiledRule> out) {
        test(universal, doc, element, out);
        test(byKey.get(element.normalName()), doc, element, out);
        String id = element.attributes().getIgnoreCase("id");
        if (!id.isEmpty()) test(byKey.get("#" + id.toLowerCase(Locale.ROOT)), doc, element, out);
        String classes = element.attributes().getIgnoreCase("class");
        if (!classes.isEmpty()) matchClasses(classes, doc, element, out);
    }

    private void matchClasses(String classes, Document doc, Element element, List<CompiledRule> out) {
        int i = 0;
        int n = classes.length();
        while (i < n) {
            while (i < n && Character.isWhitespace(classes.charAt(i))) i++;
            int start = i;
            while (i < n && !Character.isWhitespace(classes.charAt(i))) i++;
            if (i > start) test(byKey.get("." + classes.substring(start, i).toLowerCase(Locale.ROOT)), doc, element, out);
        }
    }

    private static void test(List<CompiledRule> rules, Document doc, Element element, List<CompiledRule> out) {
        if (rules == null) return;
        for (CompiledRule rule : rules) {
            if (rule.matches(doc, element)) out.add(rule);
        }
    }
}
