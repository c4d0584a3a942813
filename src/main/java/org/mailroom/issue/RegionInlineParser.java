package org.mailroom.issue;

import com.vladsch.flexmark.parser.InlineParserExtensionFactory;
import com.vladsch.flexmark.parser.InlineParserFactory;
import com.vladsch.flexmark.parser.delimiter.DelimiterProcessor;
import com.vladsch.flexmark.parser.internal.CommonmarkInlineParser;
import com.vladsch.flexmark.parser.internal.LinkRefProcessorData;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * flexmark's inline parser with its two regex helpers reading the match from the matcher itself. flexmark takes it
 * through {@code Matcher.toMatchResult()}, which on Java 17 first copies the whole input it matches in (the rest of
 * the paragraph, character by character through flexmark's sequences) for every link, code span and reference it
 * meets: 5.6% of issue 578's render in a JFR profile, and quadratic in a paragraph's length. Same positions, same
 * results: only the copy is gone.
 */
final class RegionInlineParser extends CommonmarkInlineParser {
    /** For {@code Parser.Builder.customInlineParserFactory}; the builder then needs the reference pre-processor added back. */
    static final InlineParserFactory FACTORY = RegionInlineParser::new;

    private RegionInlineParser(DataHolder options, BitSet specialCharacters, BitSet delimiterCharacters,
                               Map<Character, DelimiterProcessor> delimiterProcessors, LinkRefProcessorData linkRefProcessors,
                               List<InlineParserExtensionFactory> extensions) {
        super(options, specialCharacters, delimiterCharacters, delimiterProcessors, linkRefProcessors, extensions);
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

    /** The matcher after a match from the current index (which moves past it), or null. */
    private Matcher find(Pattern re) {
        if (index >= input.length()) return null;
        Matcher m = re.matcher(input);
        m.region(index, input.length());
        if (!m.find()) return null;
        index = m.end();
        return m;
    }
}
