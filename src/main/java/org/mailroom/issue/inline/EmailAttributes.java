package org.mailroom.issue.inline;

import org.jsoup.nodes.Element;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The HTML attributes that email clients without full CSS support (Outlook's Word engine, old
 * webmails) read instead of styles, set from the inlined values as juice does: width, bgcolor, align,
 * valign. An attribute already present is left alone. Browsers let the style win over these, so
 * the rendering where CSS works does not change.
 */
final class EmailAttributes {
    private static final Pattern PIXELS = Pattern.compile("(\\d+(?:\\.\\d+)?)px");
    private static final Pattern PERCENT = Pattern.compile("\\d+(?:\\.\\d+)?%");
    /** A colour the legacy attribute parser reads as CSS does: hex or a name (not "transparent"). */
    private static final Pattern LEGACY_COLOR = Pattern.compile("#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{6})|[a-zA-Z]+");
    private static final Set<String> NOT_COLORS = Set.of("transparent", "currentcolor", "inherit", "initial",
        "unset", "revert", "none");
    private static final Set<String> ALIGN = Set.of("left", "right", "center", "justify");
    private static final Set<String> VALIGN = Set.of("top", "middle", "bottom", "baseline");

    private EmailAttributes() {
    }

    static void apply(Element element, List<Declaration> style) {
        String tag = element.normalName();
        boolean cell = tag.equals("td") || tag.equals("th");
        boolean table = tag.equals("table");
        if (!cell && !table && !tag.equals("img") && !tag.equals("body")) return;
        String width = null, background = null, align = null, valign = null;
        for (Declaration d : style) {
            switch (d.name()) {
                case "width" -> width = d.value();
                case "background-color" -> background = d.value();
                case "background" -> background = d.value(); // a shorthand sets the colour too (or resets it)
                case "text-align" -> align = d.value().toLowerCase(Locale.ROOT);
                case "vertical-align" -> valign = d.value().toLowerCase(Locale.ROOT);
                default -> { }
            }
        }
        if (width != null && !tag.equals("body")) setIfAbsent(element, "width", widthAttribute(width, cell || table));
        if (background != null && !tag.equals("img")) setIfAbsent(element, "bgcolor", legacyColor(background));
        if (cell && align != null && ALIGN.contains(align)) setIfAbsent(element, "align", align);
        if (cell && valign != null && VALIGN.contains(valign)) setIfAbsent(element, "valign", valign);
    }

    private static String widthAttribute(String value, boolean tableElement) {
        var px = PIXELS.matcher(value.trim());
        if (px.matches()) return px.group(1);
        return tableElement && PERCENT.matcher(value.trim()).matches() ? value.trim() : null;
    }

    private static String legacyColor(String value) {
        String v = value.trim();
        boolean color = LEGACY_COLOR.matcher(v).matches() && !NOT_COLORS.contains(v.toLowerCase(Locale.ROOT));
        return color ? v : null;
    }

    private static void setIfAbsent(Element element, String name, String value) {
        if (value != null && !element.hasAttr(name)) element.attr(name, value);
    }
}
