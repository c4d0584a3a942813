package org.mailroom.issue.inline;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What the inliner needs to know about a selector before jsoup compiles it: the parts of a list,
 * the specificity, whether it can be decided without a browser (no :hover, no ::before), and the key
 * of its rightmost compound for the rule index. Works on the text; strings and escapes are respected.
 */
final class SelectorSyntax {
    /** Pseudo-classes that depend only on the document tree (:empty only where SimpleSelector takes it). */
    private static final Set<String> STATIC_PSEUDOS = Set.of("first-child", "last-child", "only-child",
        "first-of-type", "last-of-type", "only-of-type", "nth-child", "nth-last-child", "nth-of-type",
        "nth-last-of-type", "not", "is", "where", "has", "root", "empty");
    private static final Set<String> LEGACY_PSEUDO_ELEMENTS = Set.of("before", "after", "first-line", "first-letter");
    private static final Set<String> TAKES_SELECTORS = Set.of("not", "is", "matches", "has");

    private SelectorSyntax() {
    }

    /** The selectors of a comma-separated list, trimmed; commas inside brackets or strings do not split. */
    static List<String> split(String list) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < list.length(); i++) {
            char c = list.charAt(i);
            if (c == '\\') i++;
            else if (c == '"' || c == '\'') i = stringEnd(list, i) - 1;
            else if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && depth > 0) depth--;
            else if (c == ',' && depth == 0) {
                out.add(list.substring(start, i).trim());
                start = i + 1;
            }
        }
        out.add(list.substring(start).trim());
        return out;
    }

    /** False for text no browser reads as a selector: empty, unbalanced, or with braces or semicolons. */
    static boolean isWellFormed(String selector) {
        if (selector.isEmpty()) return false;
        int depth = 0;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '\\') i++;
            else if (c == '"' || c == '\'') i = stringEnd(selector, i) - 1;
            else if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == '{' || c == '}' || c == ';') return false;
            if (depth < 0) return false;
        }
        return depth == 0;
    }

    /** Whether every pseudo-class is static and there is no pseudo-element. */
    static boolean isStatic(String selector) {
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (c == '\\') i++;
            else if (c == '"' || c == '\'') i = stringEnd(selector, i) - 1;
            else if (c == '[') i = closing(selector, i, '[', ']');
            else if (c == ':') {
                if (i + 1 < selector.length() && selector.charAt(i + 1) == ':') return false;
                int end = identEnd(selector, i + 1);
                if (!STATIC_PSEUDOS.contains(selector.substring(i + 1, end).toLowerCase(Locale.ROOT))) return false;
            }
        }
        return true;
    }

    /** Specificity (a, b, c) packed as a*1,000,000 + b*1,000 + c, so that a larger int wins. */
    static int specificity(String selector) {
        int spec = 0;
        int i = 0;
        int n = selector.length();
        while (i < n) {
            char c = selector.charAt(i);
            if (c == '#') {
                spec += 1_000_000;
                i = identEnd(selector, i + 1);
            } else if (c == '.') {
                spec += 1_000;
                i = identEnd(selector, i + 1);
            } else if (c == '[') {
                spec += 1_000;
                i = closing(selector, i, '[', ']') + 1;
            } else if (c == ':') {
                int[] result = pseudoSpecificity(selector, i);
                spec += result[0];
                i = result[1];
            } else if (isIdentStart(c)) {
                spec += 1;
                i = identEnd(selector, i);
            } else {
                i++;
            }
        }
        return spec;
    }

    /** Specificity of the pseudo-class or -element at {@code i}, and where it ends. */
    private static int[] pseudoSpecificity(String selector, int i) {
        boolean element = i + 1 < selector.length() && selector.charAt(i + 1) == ':';
        int nameStart = element ? i + 2 : i + 1;
        int end = identEnd(selector, nameStart);
        String name = selector.substring(nameStart, end).toLowerCase(Locale.ROOT);
        int spec = element || LEGACY_PSEUDO_ELEMENTS.contains(name) ? 1 : 1_000;
        if (end < selector.length() && selector.charAt(end) == '(') {
            int close = closing(selector, end, '(', ')');
            if (TAKES_SELECTORS.contains(name)) spec = maxSpecificity(selector.substring(end + 1, close));
            else if (name.equals("where")) spec = 0;
            end = close + 1;
        }
        return new int[] {spec, end};
    }

    private static int maxSpecificity(String list) {
        int max = 0;
        for (String s : split(list)) max = Math.max(max, specificity(s));
        return max;
    }

    /**
     * The key of the rightmost compound, for the rule index: "#id", ".class", "tag" (all lower case:
     * quirks mode compares ids and classes ignoring case; the matcher decides), or "*" when the
     * compound names none of them.
     */
    static String rightmostKey(String selector) {
        int start = rightmostCompoundStart(selector);
        String cls = null;
        String tag = null;
        int i = start;
        while (i < selector.length()) {
            char c = selector.charAt(i);
            if (c == '#') return "#" + unescape(selector.substring(i + 1, identEnd(selector, i + 1))).toLowerCase(Locale.ROOT);
            if (c == '.' && cls == null) {
                cls = "." + unescape(selector.substring(i + 1, identEnd(selector, i + 1))).toLowerCase(Locale.ROOT);
            }
            if (i == start && isIdentStart(c)) tag = selector.substring(i, identEnd(selector, i)).toLowerCase(Locale.ROOT);
            i = skipSimple(selector, i);
        }
        return cls != null ? cls : tag != null ? tag : "*";
    }

    private static int rightmostCompoundStart(String selector) {
        int start = 0;
        for (int i = 0; i < selector.length(); i = skipSimple(selector, i)) {
            char c = selector.charAt(i);
            if (Character.isWhitespace(c) || c == '>' || c == '+' || c == '~') start = i + 1;
        }
        return start;
    }

    /** The index after the simple selector, bracket group or single character at {@code i}. */
    private static int skipSimple(String s, int i) {
        char c = s.charAt(i);
        if (c == '[') return closing(s, i, '[', ']') + 1;
        if (c == '(') return closing(s, i, '(', ')') + 1;
        if (c == '#' || c == '.' || c == ':') return Math.max(identEnd(s, i + 1), i + 1);
        if (isIdentStart(c)) return identEnd(s, i);
        return i + 1;
    }

    private static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '-' || c == '\\' || c >= 0x80;
    }

    private static int identEnd(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\\') i += 2;
            else if (CssReader.isNameChar(c)) i++;
            else break;
        }
        return Math.min(i, s.length());
    }

    /** The index of the bracket closing the one at {@code open}, or the last index if it is never closed. */
    private static int closing(String s, int open, char opening, char close) {
        int depth = 0;
        for (int i = open; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == '"' || c == '\'') i = stringEnd(s, i) - 1;
            else if (c == opening) depth++;
            else if (c == close && --depth == 0) return i;
        }
        return s.length() - 1;
    }

    private static int stringEnd(String s, int open) {
        char quote = s.charAt(open);
        for (int i = open + 1; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') i++;
            else if (c == quote) return i + 1;
        }
        return s.length();
    }

    /** Resolves CSS escapes: a backslash and up to six hex digits (and one following space), or a character. */
    static String unescape(String ident) {
        if (ident.indexOf('\\') < 0) return ident;
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < ident.length(); i++) {
            char c = ident.charAt(i);
            if (c != '\\' || i + 1 >= ident.length()) {
                out.append(c);
                continue;
            }
            int j = i + 1;
            while (j < ident.length() && j < i + 7 && Character.digit(ident.charAt(j), 16) >= 0) j++;
            if (j == i + 1) {
                out.append(ident.charAt(++i));
            } else {
                out.appendCodePoint(Integer.parseInt(ident.substring(i + 1, j), 16));
                i = j < ident.length() && ident.charAt(j) == ' ' ? j : j - 1;
            }
        }
        return out.toString();
    }
}
