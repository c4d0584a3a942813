package org.mailroom.issue;

import com.vladsch.flexmark.parser.Parser;
import com.vladsch.flexmark.parser.block.BlockParserFactory;
import com.vladsch.flexmark.parser.block.BlockStart;
import com.vladsch.flexmark.parser.block.CustomBlockParserFactory;
import com.vladsch.flexmark.parser.core.FencedCodeBlockParser;
import com.vladsch.flexmark.parser.core.HeadingParser;
import com.vladsch.flexmark.parser.core.ThematicBreakParser;
import com.vladsch.flexmark.util.data.DataHolder;
import com.vladsch.flexmark.util.data.DataKey;
import com.vladsch.flexmark.util.data.MutableDataSet;
import com.vladsch.flexmark.util.sequence.BasedSequence;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * flexmark's fenced code, heading and thematic break parsers, asked only about lines that can start one. flexmark
 * tries every line no other block claimed with each of them: the fence's {@code ^`{3,}(?!.*`)|^~{3,}(?!.*~)} starts
 * with an alternation, so Java tries it at every position of the line and walks each prose line to its end to fail
 * (11% of issue 578's parse); the heading's first builds the paragraph's content so far, for every line of every
 * paragraph; each makes its matcher and sub-sequence. Each of these blocks starts, indented less than 4, with one of
 * a few characters at the first non-space position ({@code `~}, {@code #=-}, {@code *_-}); any other line gets the
 * same "no" at once, and the rest goes to flexmark's own factory. {@link #replace} switches the core factories off
 * and gives these to register in their place, in the same order.
 */
abstract class BlockStarts implements CustomBlockParserFactory {
    private final CustomBlockParserFactory core;
    private final String firstChars;

    private BlockStarts(CustomBlockParserFactory core, String firstChars) {
        this.core = core;
        this.firstChars = firstChars;
    }

    static final class Fence extends BlockStarts {
        Fence() {
            super(new FencedCodeBlockParser.Factory(), "`~");
        }
    }

    static final class Heading extends BlockStarts {
        Heading() {
            super(new HeadingParser.Factory(), "#=-");
        }

        /** A setext underline is one character repeated, then spaces or tabs only: {@code - item} is not one. */
        @Override
        boolean mayStart(BasedSequence line, int at) {
            char c = line.charAt(at);
            if (c == '#') return true;
            int i = at;
            while (i < line.length() && line.charAt(i) == c) i++;
            while (i < line.length() && (line.charAt(i) == ' ' || line.charAt(i) == '\t')) i++;
            return i == line.length() || "\n\r\u0085\u2028\u2029".indexOf(line.charAt(i)) >= 0;  // where $ may match
        }
    }

    static final class ThematicBreak extends BlockStarts {
        ThematicBreak() {
            super(new ThematicBreakParser.Factory(), "*_-");
        }

        /** A break repeats its character: {@code * item} and {@code - item}, most list items, are not one. */
        @Override
        boolean mayStart(BasedSequence line, int at) {
            char c = line.charAt(at);
            int next = at + 1;
            while (next < line.length() && (line.charAt(next) == ' ' || line.charAt(next) == '\t')) next++;
            return next < line.length() && line.charAt(next) == c;
        }
    }

    /** Each core factory's stand-in, and the option that switches the core one off. */
    private static final Map<Class<?>, Class<?>> STAND_INS = Map.of(FencedCodeBlockParser.Factory.class, Fence.class,
        HeadingParser.Factory.class, Heading.class, ThematicBreakParser.Factory.class, ThematicBreak.class);
    private static final List<DataKey<Boolean>> CORE_KEYS = List.of(Parser.FENCED_CODE_BLOCK_PARSER, Parser.HEADING_PARSER,
        Parser.THEMATIC_BREAK_PARSER);

    /** Switches flexmark's own three factories off in these options and gives the ones to register in their place. */
    static List<CustomBlockParserFactory> replace(MutableDataSet options) {
        for (DataKey<Boolean> key : CORE_KEYS) {
            if (!key.get(options)) throw new IllegalArgumentException(key + " is off: nothing to replace");
            options.set(key, false);
        }
        return List.of(new Heading(), new Fence(), new ThematicBreak());
    }

    @Override
    public Set<Class<?>> getAfterDependents() {
        return standIns(core.getAfterDependents());
    }

    @Override
    public Set<Class<?>> getBeforeDependents() {
        return standIns(core.getBeforeDependents());
    }

    /** The core's order among the other core factories, with these in place of the ones they stand in for. */
    private static Set<Class<?>> standIns(Set<Class<?>> classes) {
        if (classes == null) return null;
        Set<Class<?>> mapped = new HashSet<>();
        for (Class<?> c : classes) mapped.add(STAND_INS.getOrDefault(c, c));
        return mapped;
    }

    @Override
    public boolean affectsGlobalScope() {
        return core.affectsGlobalScope();
    }

    @Override
    public BlockParserFactory apply(DataHolder options) {
        BlockParserFactory factory = core.apply(options);
        return (state, matched) -> {
            if (state.getIndent() >= 4) return BlockStart.none();
            BasedSequence line = state.getLine();
            int at = state.getNextNonSpaceIndex();
            return at < line.length() && firstChars.indexOf(line.charAt(at)) >= 0 && mayStart(line, at)
                ? factory.tryStart(state, matched) : BlockStart.none();
        };
    }

    /** A finer look at a line whose first non-space character (at {@code at}) is one of the first characters. */
    boolean mayStart(BasedSequence line, int at) {
        return true;
    }
}
