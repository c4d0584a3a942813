package org.mailroom.issue.inline;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A selector made only of type, id and class selectors and argument-free structural pseudo-classes
 * ({@link TreePseudo}), joined by combinators (most of an email theme),
 * matched right to left without jsoup. jsoup's structural evaluators memoise every ancestor test in
 * per-thread identity maps, which cost more than the tests themselves: half of all inlining time.
 * Classes and ids compare case-sensitively, as browsers do, except in quirks mode (no doctype).
 */
final class SimpleSelector implements ElementMatcher {
    private record Compound(String tag, String id, String[] classes, TreePseudo[] pseudos) {
    }

    /** compounds[i] is joined to compounds[i - 1] by combinators[i]: ' ', '>', '+' or '~'. */
    private final Compound[] compounds;
    private final char[] combinators;

    private SimpleSelector(Compound[] compounds, char[] combinators) {
        this.compounds = compounds;
        this.combinators = combinators;
    }

    /** The selector, or null if it has anything else (attributes, other pseudo-classes, escapes, namespaces). */
    static SimpleSelector parse(String selector) {
        List<Compound> compounds = new ArrayList<>();
        StringBuilder combinators = new StringBuilder(" ");
        int i = 0;
        int n = selector.length();
        while (i < n) {
            int end = compoundEnd(selector, i);
            Compound compound = end > i ? compound(selector.substring(i, end)) : null;
            if (compound == null) return null;
            compounds.add(compound);
            i = end;
            char combinator = ' ';
            while (i < n && " \t\n\r\f>+~".indexOf(selector.charAt(i)) >= 0) {
                if (selector.charAt(i) > ' ') combinator = selector.charAt(i);
                i++;
            }
            if (i < n) combinators.append(combinator);
            else if (combinator != ' ') return null;
        }
        return compounds.isEmpty() ? null : new SimpleSelector(compounds.toArray(new Compound[0]), combinators.toString().toCharArray());
    }

    private static int compoundEnd(String s, int i) {
        while (i < s.length() && (CssReader.isNameChar(s.charAt(i)) || "#.*:".indexOf(s.charAt(i)) >= 0)) i++;
        return i;
    }

    /** A compound such as {@code td.cell.wide}, {@code #main} or {@code li:last-child}: an optional type, then the rest. */
    private static Compound compound(String text) {
        int first = firstMarker(text, 0);
        String type = text.substring(0, first);
        String tag = type.isEmpty() || type.equals("*") ? null : type.toLowerCase(Locale.ROOT);
        if (tag != null && !isName(tag)) return null;
        String id = null;
        List<String> classes = new ArrayList<>();
        List<TreePseudo> pseudos = new ArrayList<>();
        for (int start = first; start < text.length(); ) {
            int end = firstMarker(text, start + 1);
            String name = text.substring(start + 1, end);
            if (!isName(name)) return null;
            TreePseudo pseudo = text.charAt(start) == ':' ? TreePseudo.named(name) : null;
            if (text.charAt(start) == ':' && pseudo == null) return null;
            if (pseudo != null) pseudos.add(pseudo);
            else if (text.charAt(start) == '.') classes.add(name);
            else if (id == null) id = name;
            else if (!id.equals(name)) return null; // #a#b matches nothing; let jsoup say so
            start = end;
        }
        return new Compound(tag, id, classes.toArray(new String[0]), pseudos.toArray(new TreePseudo[0]));
    }

    private static int firstMarker(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            if (text.charAt(i) == '.' || text.charAt(i) == '#' || text.charAt(i) == ':') return i;
        }
        return text.length();
    }

    private static boolean isName(String s) {
        if (s.isEmpty() || Character.isDigit(s.charAt(0)) || s.startsWith("--") || s.equals("-")) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!CssReader.isNameChar(s.charAt(i))) return false;
        }
        return true;
    }

    @Override
    public boolean matches(Document doc, Element element) {
        return matchesFrom(element, compounds.length - 1, doc.quirksMode() == Document.QuirksMode.quirks);
    }

    private boolean matchesFrom(Element element, int index, boolean ignoreCase) {
        if (!matchesCompound(compounds[index], element, ignoreCase)) return false;
        if (index == 0) return true;
        char combinator = combinators[index];
        Element next = combinator == '>' || combinator == ' ' ? parentOf(element) : element.previousElementSibling();
        while (next != null) {
            if (matchesFrom(next, index - 1, ignoreCase)) return true;
            if (combinator == '>' || combinator == '+') return false;
            next = combinator == ' ' ? parentOf(next) : next.previousElementSibling();
        }
        return false;
    }

    /** The parent element; the Document above html is not an element. */
    private static Element parentOf(Element element) {
        Element parent = element.parent();
        return parent instanceof Document ? null : parent;
    }

    private static boolean matchesCompound(Compound c, Element element, boolean ignoreCase) {
        if (c.tag() != null && !c.tag().equals(element.normalName())) return false;
        if (c.id() != null && !equal(c.id(), element.attributes().getIgnoreCase("id"), ignoreCase)) return false;
        for (TreePseudo pseudo : c.pseudos()) {
            if (!pseudo.matches(element)) return false;
        }
        if (c.classes().length == 0) return true;
        String classAttribute = element.attributes().getIgnoreCase("class");
        for (String name : c.classes()) {
            if (!hasClass(classAttribute, name, ignoreCase)) return false;
        }
        return true;
    }

    private static boolean equal(String a, String b, boolean ignoreCase) {
        return ignoreCase ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    /** Whether the whitespace-separated list holds the name, without splitting it. */
    static boolean hasClass(String classes, String name, boolean ignoreCase) {
        int len = name.length();
        int from = 0;
        while (true) {
            int at = indexOf(classes, name, from, ignoreCase);
            if (at < 0) return false;
            boolean startOk = at == 0 || Character.isWhitespace(classes.charAt(at - 1));
            boolean endOk = at + len == classes.length() || Character.isWhitespace(classes.charAt(at + len));
            if (startOk && endOk) return true;
            from = at + 1;
        }
    }

    private static int indexOf(String haystack, String needle, int from, boolean ignoreCase) {
        if (!ignoreCase) return haystack.indexOf(needle, from);
        for (int i = from; i + needle.length() <= haystack.length(); i++) {
            if (haystack.regionMatches(true, i, needle, 0, needle.length())) return i;
        }
        return -1;
    }
}
