package org.mailroom.issue.inline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Merges the rules that match an element with its own style attribute into one list of declarations
 * whose in-order application gives what the browser's cascade gives. Declarations are sorted by
 * precedence (stylesheet, inline, stylesheet !important, inline !important; then specificity and
 * source order), so a later one always beats an earlier one; per property only the winning
 * block's declarations stay (several, when a block repeats a property as a fallback). Shorthands and
 * longhands keep their relative order, so "margin: 0" then "margin-top: 4px" still means 4px on top.
 */
final class Cascade {
    private static final int INLINE_BLOCK = -1;
    private static final Comparator<CompiledRule> BY_RANK = Comparator.comparingLong(CompiledRule::rank);
    private static final Comparator<Entry> BY_TIER = Comparator.comparingInt(Entry::tier);

    private record Entry(Declaration declaration, int tier, int block) {
    }

    private Cascade() {
    }

    /**
     * @param matched     the rules matching the element, in any order (the list is sorted in place)
     * @param inlineStyle the element's style attribute, possibly empty
     * @return the declarations for the new style attribute; stylesheet {@code !important} is dropped
     *         (it is won already, and would beat the kept @media rules in the client), the attribute's own kept
     */
    static List<Declaration> merge(List<CompiledRule> matched, String inlineStyle) {
        matched.sort(BY_RANK);
        List<Entry> entries = new ArrayList<>();
        int previous = Integer.MIN_VALUE;
        for (CompiledRule rule : matched) {
            if (rule.order() == previous) continue; // matched twice, through a class listed twice
            previous = rule.order();
            for (Declaration d : rule.declarations()) entries.add(new Entry(d, d.important() ? 2 : 0, rule.order()));
        }
        if (!inlineStyle.isBlank()) {
            for (Declaration d : CssParser.declarations(inlineStyle)) {
                entries.add(new Entry(d, d.important() ? 3 : 1, INLINE_BLOCK));
            }
        }
        entries.sort(BY_TIER); // stable: keeps specificity and source order
        return winners(entries);
    }

    /** Per property, the block of its last (winning) declaration; a linear scan, as an element has few declarations. */
    private static List<Declaration> winners(List<Entry> entries) {
        int n = entries.size();
        List<Declaration> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Entry e = entries.get(i);
            if (e.block() != winningBlock(entries, i)) continue;
            Declaration d = e.declaration();
            out.add(e.tier() == 2 ? new Declaration(d.name(), d.value(), false) : d);
        }
        return out;
    }

    private static int winningBlock(List<Entry> entries, int index) {
        String name = entries.get(index).declaration().name();
        for (int j = entries.size() - 1; j > index; j--) {
            if (entries.get(j).declaration().name().equals(name)) return entries.get(j).block();
        }
        return entries.get(index).block();
    }

    /** The style attribute's text. Double quotes become single ones where that is safe, to spare "&quot;". */
    static String css(List<Declaration> declarations) {
        StringBuilder out = new StringBuilder();
        for (Declaration d : declarations) {
            if (out.length() > 0) out.append("; ");
            String value = d.value();
            if (value.indexOf('"') >= 0 && value.indexOf('\'') < 0 && value.indexOf('\\') < 0) value = value.replace('"', '\'');
            out.append(d.name()).append(": ").append(value).append(d.important() ? " !important" : "");
        }
        return out.toString();
    }
}
