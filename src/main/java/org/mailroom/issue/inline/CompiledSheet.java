package org.mailroom.issue.inline;

import org.jsoup.select.QueryParser;
import org.mailroom.issue.inline.CssNode.DroppedAtRule;
import org.mailroom.issue.inline.CssNode.MediaBlock;
import org.mailroom.issue.inline.CssNode.StyleRule;
import org.mailroom.issue.inline.CssNode.VerbatimAtRule;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A stylesheet ready to inline: the rules that apply statically, compiled and indexed, and the CSS
 * that must stay in the email's one {@code <style>} block (@media, :hover, ::before, @font-face...).
 * Immutable once built, so one instance serves every document and thread with the same stylesheet.
 */
final class CompiledSheet {
    /** Gmail drops a style block of 16 KB or more; this leaves room for the tag. */
    static final int MAX_KEPT_BYTES = 16_000;

    final RuleIndex rules = new RuleIndex();
    final List<String> warnings = new ArrayList<>();
    private final KeptStyles kept = new KeptStyles(MAX_KEPT_BYTES, warnings);
    private int order;

    private CompiledSheet() {
    }

    static CompiledSheet compile(String css) {
        CompiledSheet sheet = new CompiledSheet();
        for (CssNode node : CssParser.parse(css)) sheet.add(node);
        return sheet;
    }

    /** The CSS of the style block to keep; empty when everything was inlined. */
    String keptCss() {
        return kept.css();
    }

    private void add(CssNode node) {
        if (node instanceof StyleRule rule) {
            addRule(rule);
        } else if (node instanceof MediaBlock media) {
            media.dropped().forEach(this::add);
            String body = media.rules().stream().filter(CompiledSheet::isWellFormed) // a stray brace would cost the block
                .map(CompiledSheet::css).collect(Collectors.joining());
            if (!body.isEmpty()) kept.add("@media " + media.query() + "{" + body + "}", "@media " + media.query());
        } else if (node instanceof VerbatimAtRule at) {
            kept.add(at.css(), at.css().substring(0, at.css().indexOf('{')));
        } else if (node instanceof DroppedAtRule at) {
            warnings.add("CSS: dropped " + at.name() + " (email clients drop a style block with it)");
        }
    }

    private static boolean isWellFormed(StyleRule rule) {
        return SelectorSyntax.split(rule.selectors()).stream().allMatch(SelectorSyntax::isWellFormed);
    }

    /** Inlines the selectors it can; keeps the others (and those jsoup cannot read) for the style block. */
    private void addRule(StyleRule rule) {
        if (!isWellFormed(rule)) return; // as browsers drop the whole rule
        List<String> selectors = SelectorSyntax.split(rule.selectors());
        List<String> keep = new ArrayList<>();
        for (String selector : selectors) {
            ElementMatcher matcher = SelectorSyntax.isStatic(selector) ? matcher(selector) : null;
            if (matcher == null) {
                keep.add(selector);
            } else {
                int specificity = SelectorSyntax.specificity(selector);
                rules.add(SelectorSyntax.rightmostKey(selector),
                    new CompiledRule(matcher, specificity, order++, rule.declarations()));
            }
        }
        if (!keep.isEmpty()) {
            String selectorList = String.join(",", keep);
            kept.add(css(new StyleRule(selectorList, rule.declarations())), selectorList);
        }
    }

    /** Our own matcher where the selector allows (the fast path), else jsoup's, else none: the rule is kept. */
    private static ElementMatcher matcher(String selector) {
        SimpleSelector simple = SimpleSelector.parse(selector);
        if (simple != null) return simple;
        String translated = JsoupDialect.translate(selector);
        if (translated == null) return null;
        try {
            return new JsoupMatcher(QueryParser.parse(translated));
        } catch (IllegalArgumentException | IllegalStateException e) { // SelectorParseException is the latter
            return null;
        }
    }

    private static String css(StyleRule rule) {
        return rule.selectors() + "{" + rule.declarations().stream()
            .map(d -> d.name() + ":" + d.value() + (d.important() ? " !important" : ""))
            .collect(Collectors.joining(";")) + "}";
    }
}
