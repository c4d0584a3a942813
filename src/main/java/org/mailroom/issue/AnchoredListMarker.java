package org.mailroom.issue;

import com.vladsch.flexmark.ast.util.Parsing;

import java.lang.reflect.Field;
import java.util.regex.Pattern;

/**
 * flexmark's list-item pattern written so that Java tries it at the start of a line only. flexmark writes it
 * {@code ^marker|^number}, two anchored alternatives; {@link Pattern} runs a pattern that starts with an alternation
 * at every position of the text, so for every line that is not a list item, {@code find()} walks the whole line to
 * fail (8% of issue 578's parse). {@code ^(?:marker|number)} has the same groups and matches the same text, and Java
 * tries it once. flexmark reads the pattern from a final field of its per-document {@link Parsing}: it is replaced
 * there, for this parser's documents only; a pattern of another shape is left as it is.
 */
final class AnchoredListMarker {
    private static final Field FIELD = field();

    private AnchoredListMarker() {}

    private static Field field() {
        try {
            Field f = Parsing.class.getField("LIST_ITEM_MARKER");
            f.setAccessible(true);
            return f;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;  // another flexmark: it parses as before, only slower
        }
    }

    static void apply(Parsing parsing) {
        if (FIELD == null) return;
        try {
            Pattern anchored = anchored(parsing.LIST_ITEM_MARKER);
            if (anchored != parsing.LIST_ITEM_MARKER) FIELD.set(parsing, anchored);
        } catch (ReflectiveOperationException | RuntimeException e) {
            // left as flexmark made it
        }
    }

    private static final java.util.Map<Pattern, Pattern> ANCHORED = new java.util.concurrent.ConcurrentHashMap<>();

    /** {@code ^a|^b} as {@code ^(?:a|b)}; any other pattern as it is. */
    static Pattern anchored(Pattern p) {
        return ANCHORED.computeIfAbsent(p, AnchoredListMarker::rewrite);
    }

    private static Pattern rewrite(Pattern p) {
        String s = p.pattern();
        int bar = topLevelBar(s);
        if (p.flags() != 0 || bar < 0 || !s.startsWith("^") || !s.startsWith("^", bar + 1)) return p;
        return Pattern.compile("^(?:" + s.substring(1, bar) + "|" + s.substring(bar + 2) + ")");
    }

    /** Where the one alternation outside any group is, or -1 (none, several, or syntax this does not follow). */
    static int topLevelBar(String s) {
        int depth = 0;
        int bar = -1;
        boolean inClass = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\') {
                if (i + 1 < s.length() && s.charAt(i + 1) == 'Q') {
                    int end = s.indexOf("\\E", i + 2);
                    if (end < 0) return -1;
                    i = end + 1;
                } else {
                    i++;
                }
            } else if (inClass) {
                if (c == '[') return -1;  // nested class or intersection
                if (c == ']') inClass = false;
            } else if (c == '[') {
                if (s.startsWith("]", i + 1) || s.startsWith("^]", i + 1)) return -1;
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                if (bar >= 0) return -1;
                bar = i;
            }
        }
        return inClass || depth != 0 ? -1 : bar;
    }
}
