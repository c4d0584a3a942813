package org.mailroom.issue.inline;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a CSS selector into jsoup's dialect where the two differ, or refuses it: jsoup reads
 * {@code [a~=v]} as a regular expression where CSS means "one of the words", lacks {@code [a|=v]},
 * {@code :where()} and the {@code i} flag, reads namespaces as tag names, ignores whitespace for
 * {@code :empty}, and has a {@code !=} that CSS has not.
 */
final class JsoupDialect {
    private static final Pattern ATTRIBUTE = Pattern.compile(
        "\\s*([^\\s~|^$*!=\\]]+)\\s*(?:(~=|\\|=|\\^=|\\$=|\\*=|!=|=)\\s*"
            + "(?:\"((?:[^\"\\\\]|\\\\.)*)\"|'((?:[^'\\\\]|\\\\.)*)'|([^\\s\"']+))\\s*([iIsS])?)?\\s*");

    private JsoupDialect() {
    }

    /** The selector for jsoup's QueryParser, or null if jsoup would not match it as a browser does. */
    static String translate(String selector) {
        StringBuilder out = new StringBuilder(selector.length() + 16);
        int i = 0;
        while (i < selector.length()) {
            char c = selector.charAt(i);
            if (c == '|') return null; // a namespace: jsoup reads ns|tag as a tag name "ns:tag"
            if (c == '\\' || c == '"' || c == '\'') return plainOnly(selector);
            if (c != '[') {
                out.append(c);
                i++;
                continue;
            }
            int close = selector.indexOf(']', i);
            if (close < 0) return null;
            String attribute = attribute(selector.substring(i + 1, close));
            if (attribute == null) return null;
            out.append('[').append(attribute).append(']');
            i = close + 1;
        }
        String translated = out.toString();
        return translated.contains(":empty") ? null : translated.replace(":where(", ":is(");
    }

    /** Escapes and quotes outside attribute brackets are rare; such selectors go to jsoup unchanged if they have no brackets. */
    private static String plainOnly(String selector) {
        return selector.indexOf('[') < 0 && !selector.contains(":empty") ? selector.replace(":where(", ":is(") : null;
    }

    private static String attribute(String inside) {
        Matcher m = ATTRIBUTE.matcher(inside);
        if (!m.matches()) return null;
        String name = m.group(1);
        String op = m.group(2);
        if (op == null) return name;
        String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
        String flag = m.group(6);
        if (op.equals("!=") || "s".equalsIgnoreCase(flag) || value.indexOf('\\') >= 0) return null;
        return switch (op) {
            case "~=" -> literal(value) == null || value.isBlank() ? null
                : name + "~=(^|\\s)" + literal(value) + "(\\s|$)";
            case "|=" -> literal(value) == null ? null : name + "~=^" + literal(value) + "(-|$)";
            default -> name + op + "\"" + value.replace("\"", "") + "\""; // jsoup already ignores case, as flag i asks
        };
    }

    /** A regular expression matching {@code value} literally, written without backslashes (jsoup's bracket reader eats them). */
    private static String literal(String value) {
        StringBuilder out = new StringBuilder();
        for (char c : value.toCharArray()) {
            if (c == ']' || c == '^' || c == '[') return null;
            if (Character.isLetterOrDigit(c) || c == '-' || c == '_') out.append(c);
            else out.append('[').append(c).append(']');
        }
        return out.toString();
    }
}
