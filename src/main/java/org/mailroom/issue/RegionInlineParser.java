package org.mailroom.issue;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser with its regex helpers reading the match from the matcher itself. flexmark takes it
 * through {@code Matcher.toMatchResult()}, which on Java 17 first copies the whole input it matches in (the rest of
 * the paragraph, character by character through flexmark's sequences) for every link, code span and reference it
 * meets: 5.6% of issue 578's render in a JFR profile, and quadratic in a paragraph's length. Same positions, same
 * results: only the copy is gone. One matcher per pattern serves a whole document instead of a new one per call,
 * and a link label without backslash or bracket inside is read without the regex (see {@link #parseLinkLabel}).
 */
final class RegionInlineParser extends CommonmarkInlineParser {
    /** For {@code Parser.Builder.customInlineParserFactory}; the builder then needs the reference pre-processor added back. */
    static final InlineParserFactory FACTORY = RegionInlineParser::new;
    /** The most repetitions flexmark's LINK_LABEL pattern allows between the brackets. */
    private static final int LABEL_MAX = 999;

    private final Map<Pattern, Matcher> matchers = new IdentityHashMap<>();
    /** The input every cached matcher was last reset to. */
    private BasedSequence matched;

    private RegionInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                               Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                               List<InlineParserExtensionFactory> extensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
        AnchoredListMarker.apply(myParsing);
    }

    @Override
    public BasedSequence match(Pattern re) {
        Matcher m = find(re);
        return m == null ? null : input.subSequence(m.start(), m.end());
    }

    @Override
    public BasedSequence[] matchWithGroups(Pattern re) {
        Matcher m = find(re);
        if (m == null) return null;
        BasedSequence[] groups = new BasedSequence[m.groupCount() + 1];
        for (int i = 0; i < groups.length; i++) groups[i] = m.start(i) < 0 ? null : input.subSequence(m.start(i), m.end(i));
        return groups;
    }

    /**
     * What {@code match(LINK_LABEL)} gives, {@code ^\[(?:[^\\\[\]]|\\escapable|\\){0,999}\]}: for the common label,
     * plain characters up to the first {@code ]}, the answer is plain to see. A backslash (where the pattern can
     * backtrack), a nested {@code [}, a very long label or the end of the input go to the pattern itself.
     */
    @Override
    public int parseLinkLabel() {
        int end = input.length();
        if (index >= end || input.charAt(index) != '[') return super.parseLinkLabel();
        int limit = Math.min(end, index + 1 + LABEL_MAX);  // chars, not code points: never more than the pattern allows
        for (int i = index + 1; i < limit; i++) {
            char c = input.charAt(i);
            if (c == ']') {
                int length = i + 1 - index;
                index = i + 1;
                return length;
            }
            if (c == '\\' || c == '[') break;
        }
        return super.parseLinkLabel();
    }

    /** The matcher after a match from the current index (which moves past it), or null. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) return null;
        if (matched != input) {
            for (Matcher m : matchers.values()) m.reset(input);
            matched = input;
        }
        Matcher m = matchers.get(re);
        if (m == null) {
            m = re.matcher(input);
            matchers.put(re, m);
        }
        m.region(index, input.length());
        if (!m.find()) return null;
        index = m.end();
        return m;
    }
}
