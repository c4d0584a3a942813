package org.mailroom.issue.inline;

import org.jsoup.Jsoup;
import org.jsoup.nodes.DataNode;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Inlines the CSS of an HTML document into style attributes, following the cascade, as juice does.
 * Rules that cannot be decided statically (@media, :hover, ::before, selectors jsoup cannot read)
 * stay in one {@code <style>} block in the head, capped below Gmail's 16 KB. Reusable and
 * thread-safe: compiled stylesheets are cached by their text, so a theme is compiled once.
 */
public final class CssInliner {
    private static final int CACHE_LIMIT = 64;

    private final Map<String, CompiledSheet> cache = new ConcurrentHashMap<>();

    /** The document with its CSS inlined, serialised as UTF-8 text without reformatting. Keep one inliner and reuse it. */
    public String inline(String html) {
        return inline(html, warning -> { });
    }

    /** Inlines and reports problems with the stylesheet (a dropped at-rule, an oversized style block). */
    public String inline(String html, Consumer<String> warnings) {
        Objects.requireNonNull(html, "html");
        Document doc = inline(Jsoup.parse(html), warnings);
        // Sized for the inlined output up front: a builder that grows by copying was a third of all allocation.
        return HtmlWriter.html(doc, html.length() * 3);
    }

    /** Inlines a parsed document in place and returns it, set to serialise without changing whitespace. */
    public Document inline(Document doc) {
        return inline(doc, warning -> { });
    }

    /** Inlines a parsed document in place, reporting problems with the stylesheet to {@code warnings}. */
    public Document inline(Document doc, Consumer<String> warnings) {
        Objects.requireNonNull(doc, "doc");
        doc.outputSettings().prettyPrint(false).charset(StandardCharsets.UTF_8).escapeMode(Entities.EscapeMode.base);
        List<Element> styleElements = doc.getElementsByTag("style").stream()
            .filter(CssInliner::isInlinable).collect(Collectors.toList());
        if (styleElements.isEmpty()) return doc;
        CompiledSheet sheet = compiled(styleElements.stream().map(Element::data).collect(Collectors.joining("\n")));
        sheet.warnings.forEach(warnings);
        ElementStyler.apply(doc, sheet.rules);
        replaceStyleElements(doc, styleElements, sheet.keptCss());
        return doc;
    }

    /** A style element for other media, in another language, or marked data-embed (juice's opt-out) stays as it is. */
    private static boolean isInlinable(Element style) {
        String type = style.attr("type").trim().toLowerCase(Locale.ROOT);
        String media = style.attr("media").trim().toLowerCase(Locale.ROOT);
        return (type.isEmpty() || type.equals("text/css")) && !style.hasAttr("data-embed")
            && (media.isEmpty() || media.equals("all") || media.equals("screen"));
    }

    private CompiledSheet compiled(String css) {
        CompiledSheet sheet = cache.get(css);
        if (sheet == null) {
            if (cache.size() >= CACHE_LIMIT) cache.clear(); // a crude bound: real use has one or two themes
            sheet = CompiledSheet.compile(css);
            cache.put(css, sheet);
        }
        return sheet;
    }

    /** The kept CSS goes where the first style element was if that was in the head, else at the end of the head. */
    private static void replaceStyleElements(Document doc, List<Element> styleElements, String keptCss) {
        if (!keptCss.isEmpty()) {
            Element block = new Element("style").appendChild(new DataNode(keptCss));
            Element first = styleElements.get(0);
            if (first.parent() == doc.head()) first.before(block);
            else doc.head().appendChild(block);
        }
        styleElements.forEach(Element::remove);
    }
}
