package org.mailroom.issue.inline;

import org.mailroom.issue.inline.CssNode.DroppedAtRule;
import org.mailroom.issue.inline.CssNode.MediaBlock;
import org.mailroom.issue.inline.CssNode.StyleRule;
import org.mailroom.issue.inline.CssNode.VerbatimAtRule;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small CSS parser that keeps what inlining needs: style rules, @media blocks and the at-rules an
 * email may keep. It recovers from errors as browsers do (a bad declaration or rule is skipped, the
 * end of the text closes open blocks) and never throws. Hand-written rather than ph-css: it keeps
 * values exactly as written and is about two orders of magnitude faster (see docs/BENCHMARKS.md).
 */
final class CssParser {
    /** At-rules an email's style block may keep as written. */
    private static final Set<String> VERBATIM = Set.of("font-face", "keyframes", "-webkit-keyframes", "page");
    /** A property name browsers accept; IE hacks such as {@code *zoom} are not. */
    private static final Pattern NAME = Pattern.compile("--\\S+|-?[a-zA-Z_][a-zA-Z0-9_-]*");
    private static final Pattern IMPORTANT = Pattern.compile("!\\s*important\\s*$", Pattern.CASE_INSENSITIVE);

    private CssParser() {
    }

    static List<CssNode> parse(String css) {
        return parseRules(new CssReader(css), false);
    }

    private static List<CssNode> parseRules(CssReader r, boolean nested) {
        List<CssNode> out = new ArrayList<>();
        while (true) {
            r.skipBlank(!nested);
            if (r.atEnd()) return out;
            CssNode node = r.peek() == '@' ? atRule(r, nested) : styleRule(r);
            if (node != null) out.add(node);
        }
    }

    private static CssNode atRule(CssReader r, boolean nested) {
        r.skip();
        String name = r.readName().toLowerCase(Locale.ROOT);
        String prelude = CssReader.collapse(r.readUntil(";{", false));
        if (r.atEnd() || r.peek() == ';') {
            r.skip();
            return null; // @import would fetch at read time; @charset and @namespace change nothing here
        }
        String body = r.readBlock();
        if (nested) return new DroppedAtRule("@" + name + " inside @media");
        if (name.equals("media")) return media(prelude, parseRules(new CssReader(body), true));
        if (VERBATIM.contains(name)) {
            return new VerbatimAtRule("@" + name + (prelude.isEmpty() ? "" : " " + prelude) + "{" + body.trim() + "}");
        }
        return new DroppedAtRule("@" + name);
    }

    private static MediaBlock media(String query, List<CssNode> nodes) {
        List<StyleRule> rules = new ArrayList<>();
        List<DroppedAtRule> dropped = new ArrayList<>();
        for (CssNode n : nodes) {
            if (n instanceof StyleRule rule) rules.add(rule);
            else if (n instanceof DroppedAtRule at) dropped.add(at);
        }
        return new MediaBlock(query, rules, dropped);
    }

    private static StyleRule styleRule(CssReader r) {
        String selectors = CssReader.collapse(r.readUntil("{", false));
        if (r.atEnd()) return null;
        List<Declaration> declarations = declarations(r.readBlock());
        return declarations.isEmpty() ? null : new StyleRule(selectors, declarations);
    }

    /** The valid declarations of a block or a style attribute, in order. */
    static List<Declaration> declarations(String block) {
        List<Declaration> out = new ArrayList<>();
        CssReader r = new CssReader(block);
        while (true) {
            r.skipBlank(false);
            if (r.atEnd()) return out;
            String name = r.readUntil(":;", true).trim();
            boolean hasColon = !r.atEnd() && r.peek() == ':';
            r.skip();
            if (!hasColon) continue;
            String value = r.readUntil(";", true);
            r.skip();
            Declaration d = declaration(name, value);
            if (d != null) out.add(d);
        }
    }

    private static Declaration declaration(String name, String rawValue) {
        if (!NAME.matcher(name).matches()) return null;
        String value = rawValue.trim();
        var important = IMPORTANT.matcher(value);
        boolean isImportant = important.find();
        if (isImportant) value = value.substring(0, important.start()).trim();
        if (value.isEmpty() || hasOutsideStrings(value, "!{}")) return null;
        String property = name.startsWith("--") ? name : name.toLowerCase(Locale.ROOT);
        return new Declaration(property, value, isImportant);
    }

    /** Whether one of {@code chars} occurs outside quoted strings: such a value is invalid CSS. */
    private static boolean hasOutsideStrings(String value, String chars) {
        char quote = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\') i++;
            else if (quote != 0) quote = c == quote ? 0 : quote;
            else if (c == '"' || c == '\'') quote = c;
            else if (chars.indexOf(c) >= 0) return true;
        }
        return false;
    }
}
